# Sourced by the scripts that configure CMake. A build folder's CMakeCache.txt records the absolute
# source path, so in a copied or moved checkout CMake refuses to configure ("does not match the
# source ... used to generate cache"). reset_stale_cache DIR removes DIR when its cache names
# another source folder, so that the next configure starts from scratch.
reset_stale_cache() {
  local dir="$1" cache="$1/CMakeCache.txt" recorded
  [ -f "$cache" ] || return 0
  recorded="$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$cache")"
  if [ "$recorded" != "$(pwd)" ] && [ "$recorded" != "$(pwd -P)" ]; then
    echo "build: $dir was configured for $recorded; reconfiguring from scratch for $(pwd)" >&2
    rm -rf "$dir"
  fi
}

# reset_compiler DIR COMPILER removes DIR when its cache was configured with another C++ compiler
# (build/asan was a g++ build before it moved to clang): CMake cannot switch compilers in place.
reset_compiler() {
  local dir="$1" cache="$1/CMakeCache.txt" recorded
  [ -f "$cache" ] || return 0
  recorded="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$cache")"
  if [ "$(basename "$recorded")" != "$2" ]; then
    echo "build: $dir was configured with $recorded; reconfiguring from scratch with $2" >&2
    rm -rf "$dir"
  fi
}
