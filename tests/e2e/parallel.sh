#!/bin/sh
# `build -j 1` and `build -j N` give the same bytes (.qg and GraphML).
#
# Usage: tests/e2e/parallel.sh QUOTEGRAPH INPUT...
# Inputs that do not exist (../shared on a machine without it) are left out.
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 QUOTEGRAPH INPUT..." >&2
  exit 2
fi
bin=$1
shift
inputs=""
for i in "$@"; do
  [ -e "$i" ] && inputs="$inputs $i"
done
# shellcheck disable=SC2086
set -- $inputs
tmp=$(mktemp -d "${TMPDIR:-/tmp}/qg-parallel.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
failed=0
for j in 1 2 4; do
  for ext in qg graphml; do
    if ! "$bin" build "$@" -j $j -o "$tmp/j$j.$ext"; then
      echo "FAIL build -j $j -o .$ext"
      failed=1
    fi
  done
done
for j in 2 4; do
  for ext in qg graphml; do
    if cmp -s "$tmp/j1.$ext" "$tmp/j$j.$ext"; then
      echo "ok       -j $j .$ext: $(wc -c <"$tmp/j1.$ext") bytes, identical to -j 1"
    else
      echo "FAIL -j $j .$ext differs from -j 1"
      failed=1
    fi
  done
done
exit $failed
