#!/bin/sh
# Several `build --into` of one corpus at the same time: each waits for the one before
# (a lock beside the corpus), so that the corpus ends with every run's documents; without
# the lock, each run saved what it had read plus its own, and all but one run's were lost.
#
# Usage: tests/e2e/into_concurrent.sh QUOTEGRAPH   (from the repository root: reads samples/)
# Example: tests/e2e/into_concurrent.sh build/quotegraph
set -u
. "$(dirname "$0")/lib.sh"
binary_only "$@"
scratch into
runs="a b c d"
per_run=0
for run in $runs; do
  i=0
  while [ $i -lt 100 ]; do
    sed "s/^{\"id\": \"/{\"id\": \"$run$i-/" samples/collection.jsonl
    i=$((i + 1))
  done >"$tmp/$run.jsonl"
  per_run=$(wc -l <"$tmp/$run.jsonl")
done
pids=""
for run in $runs; do
  "$bin" build "$tmp/$run.jsonl" --into "$tmp/c.qg" --no-progress 2>>"$tmp/stderr" &
  pids="$pids $!"
done
for pid in $pids; do
  wait "$pid" || fail "a build --into exited $?"
done
expected=$((per_run * 4))
got=$("$bin" query "$tmp/c.qg" stats --format jsonl | grep '"what":"documents","name":"all"' |
  sed 's/.*"value":\([0-9]*\).*/\1/')
if [ "$got" = "$expected" ]; then
  echo "ok       4 concurrent build --into: $got documents, every run's"
else
  fail "4 concurrent build --into: ${got:-no} documents, expected $expected"
  cat "$tmp/stderr"
fi
exit $failed
