#!/bin/sh
# Errors of the saved-graph commands: exact message on stderr and exit code.
#
# Usage: tests/e2e/query_errors.sh QUOTEGRAPH   (from the repository root)
set -u
. "$(dirname "$0")/lib.sh"
binary_only "$@"
scratch query-errors

"$bin" build tests/e2e/queries/day1.jsonl tests/e2e/queries/day2.jsonl -o "$tmp/c.qg" || exit 1

expect() {  # code expected-stderr command...
  code=$1
  message=$2
  shift 2
  ok=1
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -ne "$code" ]; then
    echo "FAIL $*: exit code $rc, expected $code"
    ok=0
  fi
  if [ "$(cat "$tmp/err")" != "$message" ]; then
    echo "FAIL $*: stderr differs"
    echo "  expected: $message"
    echo "  actual:   $(cat "$tmp/err")"
    ok=0
  fi
  if [ $ok = 1 ]; then echo "ok       $*"; else failed=1; fi
}

expect 2 "quotegraph: error: unknown name 'Jonas Pyke'; did you mean 'Jonas Pike'?" \
  "$bin" query "$tmp/c.qg" quotes --speaker "Jonas Pyke"
expect 2 "quotegraph: error: unknown name 'Varnun'; did you mean 'Hilda Varnum'?" \
  "$bin" query "$tmp/c.qg" path Varnun Pike
expect 2 "quotegraph: error: unknown name 'bertil'; did you mean 'Bertil Ostrowski'?" \
  "$bin" query "$tmp/c.qg" neighbors bertil
expect 2 "quotegraph: error: unknown --relation 'likes' (use addressed_to, mentions, replied_to or has_handle)" \
  "$bin" query "$tmp/c.qg" neighbors Pike --relation likes
expect 2 "quotegraph: error: unknown --by 'fame' (use degree, pagerank or betweenness)" \
  "$bin" query "$tmp/c.qg" top --by fame
expect 2 "quotegraph: error: --sample applies to --by betweenness" \
  "$bin" query "$tmp/c.qg" top --by pagerank --sample 10
expect 1 "quotegraph: error: no chain of addresses, replies or mentions links 'Hilda Varnum' and 'Bertil Ostrowski'" \
  "$bin" query "$tmp/c.qg" path Varnum "Bertil Ostrowski"
expect 1 "quotegraph: error: $tmp/nosuch.qg: No such file or directory" \
  "$bin" query "$tmp/nosuch.qg" stats
printf 'hello\n' >"$tmp/bad.qg"
expect 1 "quotegraph: error: $tmp/bad.qg:1: not a quotegraph corpus: syntax error while parsing value - invalid literal; last read: 'h'" \
  "$bin" query "$tmp/bad.qg" stats
expect 2 "quotegraph: error: --into needs a .qg corpus file, not 'c.graphml'" \
  "$bin" build tests/e2e/queries/day1.jsonl --into c.graphml
expect 2 "quotegraph: error: a .qg corpus keeps everything: --view applies to graph formats" \
  "$bin" build tests/e2e/queries/day1.jsonl -o "$tmp/x.qg" --view people
exit $failed
