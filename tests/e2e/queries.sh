#!/bin/sh
# End-to-end test of the saved graph: `build -o .qg`, `build --into`, `export` and every
# `query` verb, compared byte for byte with tests/golden/queries/. Two corpora: samples/
# and tests/e2e/queries/day1.jsonl + day2.jsonl (names written differently across
# documents, a duplicate document, dates).
#
# Usage (from the repository root):
#   tests/e2e/queries.sh [--update] QUOTEGRAPH GOLDEN_DIR
# With --update, or UPDATE_GOLDEN=1, the goldens are rewritten instead of compared
# (review with `git diff tests/golden/queries`).
#
# Example:
#   UPDATE_GOLDEN=1 ctest --test-dir build -R e2e.queries
set -u

update=0
case "${UPDATE_GOLDEN:-0}" in 0 | "" | no | false | OFF | off) ;; *) update=1 ;; esac
if [ "${1:-}" = "--update" ]; then
  update=1
  shift
fi
if [ $# -ne 2 ]; then
  echo "usage: $0 [--update] QUOTEGRAPH GOLDEN_DIR" >&2
  exit 2
fi
bin=$1
golden=$2
[ "$update" = 1 ] && mkdir -p "$golden"
. "$(dirname "$0")/lib.sh"
scratch queries

check() {  # label actual expected
  if [ "$update" = 1 ]; then
    if [ -f "$3" ] && cmp -s "$2" "$3"; then
      echo "same     $3"
    else
      cp "$2" "$3" && echo "updated  $3"
    fi
  elif [ ! -f "$3" ]; then
    fail "$1: no golden file $3 (create it with UPDATE_GOLDEN=1 or --update)"
  elif cmp -s "$3" "$2"; then
    echo "ok       $1"
  else
    fail "$1: output differs from $3 (- golden, + actual):"
    diff -u "$3" "$2" | head -n 100
  fi
}

must() {  # what command...: must exit 0
  what=$1
  shift
  "$@" 2>"$tmp/stderr"
  rc=$?
  if [ $rc -ne 0 ]; then
    fail "$what: exit code $rc, expected 0; stderr:"
    cat "$tmp/stderr"
  fi
}

days=tests/e2e/queries
must "build samples" "$bin" build samples -o "$tmp/samples.qg" -j 2
must "build day1" "$bin" build $days/day1.jsonl -o "$tmp/days.qg"
must "build --into day2" "$bin" build $days/day2.jsonl --into "$tmp/days.qg"
# Adding in two steps or building in one (the duplicate skipped) gives the same corpus.
must "build day1 day2" "$bin" build $days/day1.jsonl $days/day2.jsonl -o "$tmp/once.qg"
if ! cmp -s "$tmp/days.qg" "$tmp/once.qg"; then
  fail "--into: day1 then day2 differs from both at once"
fi
# Adding the same documents again changes nothing.
cp "$tmp/days.qg" "$tmp/again.qg"
must "build --into again" "$bin" build $days/day1.jsonl --into "$tmp/again.qg"
cmp -s "$tmp/days.qg" "$tmp/again.qg" || fail "--into with known documents changed the corpus"
check "days.qg" "$tmp/days.qg" "$golden/days.qg"

# name|corpus|arguments (the output extension is the --format)
while IFS='|' read -r name corpus args; do
  [ -n "$name" ] || continue
  ext=$(printf '%s\n' "$args" | sed -n 's/.*--format \([a-z]*\).*/\1/p')
  eval "set -- $args"
  "$bin" query "$tmp/$corpus.qg" "$@" >"$tmp/$name.$ext" 2>"$tmp/stderr"
  rc=$?
  if [ $rc -ne 0 ]; then
    fail "$name: query $args exited with $rc; stderr:"
    cat "$tmp/stderr"
    continue
  fi
  check "$name" "$tmp/$name.$ext" "$golden/$name.$ext"
done <<'CASES'
samples.stats|samples|stats --format table
samples.speakers|samples|speakers --top 5 --format csv
samples.quotes-speaker|samples|quotes --speaker okafor --format jsonl
samples.quotes-mentions|samples|quotes --mentions @blackwood --format table
samples.quotes-text|samples|quotes --text 'POOL summers' --format csv
samples.neighbors|samples|neighbors 'nadia marchetti' --format table
samples.neighbors-relation|samples|neighbors Marchetti --relation replied_to --format jsonl
samples.path|samples|path Blackwood 'Lucinda Ferreira-Holt' --format table
samples.top-degree|samples|top --by degree --top 5 --format table
samples.top-pagerank|samples|top --by pagerank --top 5 --format csv
samples.top-betweenness|samples|top --by betweenness --top 3 --format jsonl
samples.components|samples|components --min-size 2 --format table
days.stats|days|stats --format jsonl
days.merges|days|merges --format table
days.speakers|days|speakers --format table
days.quotes-varnum|days|quotes --speaker varnum --format table
days.quotes-etienne|days|quotes --speaker 'etienne lavoie' --format csv
days.neighbors|days|neighbors Pike --format table
days.path|days|path Lavoie Varnum --format table
days.top-pagerank|days|top --by pagerank --format table
days.components|days|components --format jsonl
CASES

# Exports and the ego network.
must "export people" "$bin" export "$tmp/days.qg" --view people -o "$tmp/days.people.graphml"
check "days.people.graphml" "$tmp/days.people.graphml" "$golden/days.people.graphml"
must "export people-documents" "$bin" export "$tmp/days.qg" --view people-documents \
  -o "$tmp/days.people-documents.json"
check "days.people-documents.json" "$tmp/days.people-documents.json" \
  "$golden/days.people-documents.json"
must "subgraph" "$bin" query "$tmp/days.qg" subgraph pike --depth 1 -o "$tmp/days.ego-pike.dot"
check "days.ego-pike.dot" "$tmp/days.ego-pike.dot" "$golden/days.ego-pike.dot"

# A full export of a saved corpus is the graph `build` writes directly.
must "build graphml" "$bin" build samples -o "$tmp/direct.graphml"
must "export graphml" "$bin" export "$tmp/samples.qg" -o "$tmp/exported.graphml"
cmp -s "$tmp/direct.graphml" "$tmp/exported.graphml" ||
  fail "export of samples.qg differs from build samples -o .graphml"

exit $failed
