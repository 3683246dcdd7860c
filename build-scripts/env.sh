# Sourced by the build scripts. Debian's emcc needs the acorn module that Debian installs under
# /usr/share/nodejs, which NodeSource's node does not search by default.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
