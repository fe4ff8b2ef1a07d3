// Demo databases for benchmarks, made once and kept under the build folder
// (bench-data/demo-<N>.db): 10,000 families take about a minute to generate.
#pragma once

#include <filesystem>

namespace securebase::testing {

// The path of a demo database with `families` families (fixed seed and date), generating it
// first if it does not exist yet.
std::filesystem::path demoDatabase(int families);

// The same database encrypted with kTestKey (test_key.h) — same engine, same 4096-byte pages —
// made once from demoDatabase() and kept beside it, for measuring what encryption costs.
std::filesystem::path encryptedDemoDatabase(int families);

}  // namespace securebase::testing
