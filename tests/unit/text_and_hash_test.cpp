#include <gtest/gtest.h>

#include "securebase/core/error.h"
#include "securebase/core/sha256.h"
#include "securebase/core/utf8.h"

using namespace securebase;

TEST(Sha256, MatchesTheStandardTestVectors) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Utf8, AcceptsWellFormedText) {
  for (const char* ok : {"", "plain", "Sofía", "¿Cómo está? ¡Bien!", "Łucja Nguyễn", "😀"})
    EXPECT_TRUE(isValidUtf8(ok)) << ok;
}

TEST(Utf8, RefusesMalformedSequences) {
  for (const std::string& bad :
       {std::string("\xff"), std::string("\xc3"), std::string("\xc0\xaf"),
        std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string("a\x80z")})
    EXPECT_FALSE(isValidUtf8(bad));
}

TEST(Utf8, RequireTextNamesTheFieldInItsMessage) {
  try {
    requireText(std::string("Mar\xed"
                            "a"),
                "child name");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::bad_input);
    EXPECT_STREQ(e.what(), "child name is not valid UTF-8 text");
  }
  EXPECT_THROW(requireText("a\x01z", "note"), Error);
  EXPECT_NO_THROW(requireText("line one\nline two\tend", "note"));
}
