#!/usr/bin/env bash
# Installs the Debian packages hpa builds with, where they are missing. Sourced by
# examples/run.sh and tests/run.sh; as root it uses apt-get, otherwise it says what to run.
hpa_packages=(g++ cmake make libcli11-dev libfmt-dev nlohmann-json3-dev catch2 libfast-float-dev)
hpa_install_deps() {
  local missing=() p
  for p in "${hpa_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing Debian packages; run: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}
