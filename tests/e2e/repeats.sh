#!/bin/sh
# Documents met again: one whose id and text were met before is skipped (and not
# extracted), one whose text changed replaces the earlier version in its place. The
# counts, the messages and the corpus are the same at every -j, the same as building
# from the last versions alone, and feeding the inputs again to the corpus changes
# nothing.
#
# Usage: tests/e2e/repeats.sh QUOTEGRAPH
set -u
. "$(dirname "$0")/lib.sh"
binary_only "$@"
scratch repeats

a1='{"id":"a","text":"\"We will build homes,\" Mayor Ann Lee said."}'
a2='{"id":"a","text":"\"We will build schools,\" Mayor Ann Lee said."}'
b1='{"id":"b","text":"\"Taxes stay,\" said Tom Ward, the treasurer."}'
# a added, b added, a skipped, a replaced (v2), a skipped, a replaced (v1), b skipped;
# between them 40 short documents and, before each repeat, a long one: at -j 2 and more,
# a repeat is read while the version before it still waits behind the long document.
: >"$tmp/in.jsonl"
: >"$tmp/fill.jsonl"
n=0
for doc in "$a1" "$b1" "$a1" "$a2" "$a2" "$a1" "$b1"; do
  printf '%s\n' "$doc" >>"$tmp/in.jsonl"
  i=0
  while [ $i -lt 40 ]; do
    if [ $i -eq 39 ]; then
      line=$(awk -v n=$n 'BEGIN {
        printf "{\"id\":\"long%d\",\"text\":\"", n
        for (k = 0; k < 2000; k++) printf "\\\"Item %d is done,\\\" Mayor Ann Lee said.\\n\\n", k
        printf "\"}" }')
    else
      line="{\"id\":\"f$n-$i\",\"text\":\"\\\"Item $n $i,\\\" Ann Lee said.\"}"
    fi
    printf '%s\n' "$line" >>"$tmp/in.jsonl"
    printf '%s\n' "$line" >>"$tmp/fill.jsonl"
    i=$((i + 1))
  done
  n=$((n + 1))
done
# The same corpus from the last version of each document, in the order first met.
{
  printf '%s\n' "$a1"
  sed -n '1,40p' "$tmp/fill.jsonl"
  printf '%s\n' "$b1"
  sed -n '41,$p' "$tmp/fill.jsonl"
} >"$tmp/last.jsonl"

expect="the corpus: 282 documents added, 3 unchanged (skipped), 2 replaced; 282 in all"
for j in 1 2 4; do
  if ! "$bin" build "$tmp/in.jsonl" -j $j -o "$tmp/j$j.qg" -v --no-progress 2>"$tmp/log$j"; then
    fail "build -j $j"
    cat "$tmp/log$j"
    continue
  fi
  grep -q "$expect" "$tmp/log$j" || fail "-j $j: expected '$expect' in the log"
  grep -E "skipped|replaced" "$tmp/log$j" | grep -v "in all" >"$tmp/events$j"
  [ "$(wc -l <"$tmp/events$j")" -eq 5 ] || fail "-j $j: expected 5 skip/replace messages"
  if [ $j -ne 1 ]; then
    cmp -s "$tmp/j1.qg" "$tmp/j$j.qg" || fail "-j $j: the corpus differs from -j 1"
    cmp -s "$tmp/events1" "$tmp/events$j" || fail "-j $j: the messages differ from -j 1"
  fi
done
grep -q "in.jsonl:83: document 'a' is already in the corpus: skipped" "$tmp/events1" ||
  fail "the third 'a' (line 83) should be reported as skipped"
grep -q "in.jsonl:124: document 'a' differs from the one in the corpus: replaced" \
  "$tmp/events1" || fail "the changed 'a' (line 124) should be reported as replaced"

"$bin" build "$tmp/last.jsonl" -o "$tmp/last.qg" --no-progress || fail "build last versions"
cmp -s "$tmp/j1.qg" "$tmp/last.qg" || fail "the corpus differs from the last versions alone"
"$bin" build "$tmp/in.jsonl" -o "$tmp/j1.graphml" -q --no-progress || fail "build .graphml"
"$bin" build "$tmp/last.jsonl" -o "$tmp/last.graphml" --no-progress || fail "build .graphml"
cmp -s "$tmp/j1.graphml" "$tmp/last.graphml" ||
  fail "the graph differs from the one of the last versions alone"

cp "$tmp/j1.qg" "$tmp/again.qg"
"$bin" build "$tmp/in.jsonl" --into "$tmp/again.qg" -j 2 -v --no-progress 2>"$tmp/again.log" ||
  fail "build --into again"
cmp -s "$tmp/j1.qg" "$tmp/again.qg" || fail "--into with the same inputs changed the corpus"
[ $failed -eq 0 ] && echo "ok: repeated documents skipped, changed ones replaced, at -j 1, 2, 4"
exit $failed
