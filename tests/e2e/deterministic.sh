#!/bin/sh
# Runs extract and build twice on the same inputs: every run must exit 0 and
# both runs must give the same bytes.
#
# Usage: tests/e2e/deterministic.sh QUOTEGRAPH INPUT...
# Example: tests/e2e/deterministic.sh build/quotegraph samples
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 QUOTEGRAPH INPUT..." >&2
  exit 2
fi
bin=$1
shift
tmp=$(mktemp -d "${TMPDIR:-/tmp}/qg-determinism.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
failed=0

run() {  # what run-number stdout-file command...
  what=$1
  n=$2
  stdout=$3
  shift 3
  "$@" >"$stdout" 2>"$tmp/stderr"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL $what (run $n): exit code $rc, expected 0; stderr:"
    cat "$tmp/stderr"
    failed=1
  fi
}

for n in 1 2; do
  mkdir -p "$tmp/$n"
  run extract "$n" "$tmp/$n/extract.jsonl" "$bin" extract "$@" --format jsonl
  for ext in graphml dot json; do
    run "build -o .$ext" "$n" /dev/null "$bin" build "$@" -o "$tmp/$n/out.$ext"
  done
done

for f in extract.jsonl out.graphml out.dot out.json; do
  if [ ! -s "$tmp/1/$f" ]; then
    echo "FAIL $f: empty or missing"
    failed=1
  elif ! cmp -s "$tmp/1/$f" "$tmp/2/$f"; then
    echo "FAIL $f: two runs on the same input differ:"
    diff -u "$tmp/1/$f" "$tmp/2/$f" | head -n 100
    failed=1
  else
    echo "ok       $f: $(wc -c <"$tmp/1/$f") bytes, identical in both runs"
  fi
done
exit $failed
