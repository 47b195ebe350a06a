#!/usr/bin/env bash
# Installs what Trade Sentinel needs to build, test and run. Idempotent: installs only what is missing.
#   Debian 12 / Ubuntu 22.04+: apt-get (as root or through sudo).
#   macOS (Homebrew):  brew install cmake ninja qt spdlog fmt yaml-cpp openssl@3 hiredis qtkeychain google-benchmark redis ccache
#   Windows (vcpkg):   vcpkg install qtbase qtcharts qttools qthttpserver qtsvg spdlog fmt yaml-cpp openssl hiredis qtkeychain-qt6 benchmark
#                      (or the Qt online installer for Qt 6.4+ with Charts and HttpServer, plus vcpkg for the rest),
#                      then configure with -DCMAKE_TOOLCHAIN_FILE=<vcpkg>/scripts/buildsystems/vcpkg.cmake
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev libqt6sql6-sqlite libqt6opengl6-dev
  libxkbcommon-dev libvulkan-dev libgl-dev
  libspdlog-dev libfmt-dev libyaml-cpp-dev libssl-dev libhiredis-dev qtkeychain-qt6-dev libbenchmark-dev
  xvfb xauth redis-server sqlite3 tzdata fonts-dejavu-core
  dbus gnome-keyring libsecret-tools
)
# Sanitizer and fuzzing builds (.ci/run) need clang with its runtime.
if [[ "${SENTINEL_WITH_CLANG:-0}" == "1" ]]; then
  PACKAGES+=(clang libclang-rt-14-dev llvm)   # llvm: llvm-cov reads the ci-asan build's coverage
fi
# The rest of .ci/run: coverage, static analysis, monitoring checks, package validation.
if [[ "${SENTINEL_WITH_CI_TOOLS:-0}" == "1" ]]; then
  PACKAGES+=(gcovr clang-tidy prometheus curl desktop-file-utils appstream dpkg-dev file)
fi

case "$(uname -s)" in
  Darwin)
    echo "On macOS run: brew install cmake ninja qt spdlog fmt yaml-cpp openssl@3 hiredis qtkeychain google-benchmark redis ccache" >&2
    exit 0 ;;
  MINGW*|MSYS*|CYGWIN*)
    echo "On Windows use vcpkg (see the header of this script) or the Qt online installer." >&2
    exit 0 ;;
esac

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps.sh: no apt-get here; install the packages listed in this script with your package manager." >&2
  exit 1
fi

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
echo "Installing: ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
