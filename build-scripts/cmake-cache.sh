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
