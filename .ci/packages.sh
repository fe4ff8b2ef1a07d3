# Debian 12 packages SecureBase needs, sourced by the other scripts. Boost comes only from the
# versioned 1.81 packages: the unversioned libboost-dev is 1.74 and conflicts with them.
SECUREBASE_BUILD_PACKAGES="cmake make g++ pkg-config
  libwxgtk3.2-dev libhpdf-dev libsqlcipher-dev
  libboost1.81-dev libboost-json1.81-dev libboost-program-options1.81-dev libboost-locale1.81-dev
  fonts-dejavu-core libharfbuzz-bin
  gettext wx3.2-i18n libcups2-dev xdg-utils
  dpkg-dev librsvg2-bin libssl-dev libdeflate-dev libpq-dev"
SECUREBASE_TEST_PACKAGES="libgtest-dev libgmock-dev libbenchmark-dev sqlcipher sqlite3
  poppler-utils qpdf diction xvfb xauth imagemagick xdotool
  cups-daemon cups-client desktop-file-utils appstream man-db
  dbus-daemon dbus-bin at-spi2-core python3-pyatspi
  postgresql-15 openssl"
# Only for the long fuzzing runs of tests/fuzz/run.sh (the test command replays with g++).
SECUREBASE_FUZZ_PACKAGES="clang-14 libclang-rt-14-dev"

# install_missing PACKAGE...: installs only what dpkg does not already have, as root or via sudo.
install_missing() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
