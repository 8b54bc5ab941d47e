#!/bin/sh
# Bad-input end-to-end tests: the CLI reports bad inputs on stderr, keeps
# going, exits 1, never crashes, and never leaves half an output file.
#
# Usage: tests/e2e/bad_input.sh QUOTEGRAPH CASE
#   CASE is one of:
#     directory   invalid UTF-8, NUL bytes, an empty file and broken JSONL lines
#                 beside good documents: exit 1, each bad input named, the good
#                 documents still on stdout
#     huge-line   a ~200 MB single-line article: exit 0 or 1, no crash (slow)
#     atomic      a build whose output cannot be written (or fails mid-way)
#                 leaves no file behind and keeps an older one intact
#     usage       unknown sub-command, unknown option, bad value: exit 2
#     output      stdout that stops taking data (a file size limit standing in for a
#                 full disk): extract, query and build -o - exit 1 and say so, rather
#                 than exit 0 with the output cut short
#     signal      a build ended by a signal while it writes its file (the file size
#                 limit's SIGXFSZ, as Ctrl-C or kill would): no temporary file is left
# QUOTEGRAPH_PYTHON (default /usr/bin/python3) parses the JSONL output.
#
# Example: tests/e2e/bad_input.sh build/quotegraph directory
set -u
if [ $# -ne 2 ]; then
  echo "usage: $0 QUOTEGRAPH directory|huge-line|atomic|usage|output|signal" >&2
  exit 2
fi
bin=$1
case_name=$2
py=${QUOTEGRAPH_PYTHON:-/usr/bin/python3}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac

. "$(dirname "$0")/lib.sh"
scratch bad-input
# The read-only directory case leaves files only their owner's write bit can remove.
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
ok() { echo "ok       $*"; }

# expect_rc WHAT RC ALLOWED... : RC must be one of ALLOWED; >128 is a signal.
expect_rc() {
  what=$1
  rc=$2
  shift 2
  for allowed in "$@"; do
    if [ "$rc" -eq "$allowed" ]; then
      ok "$what: exit code $rc"
      return 0
    fi
  done
  if [ "$rc" -gt 128 ]; then
    fail "$what: killed by signal $((rc - 128)) (exit code $rc)"
  else
    fail "$what: exit code $rc, expected $*"
  fi
  return 1
}

stderr_names() {  # text-that-must-appear
  if grep -qF -- "$1" "$tmp/stderr"; then
    ok "stderr names $1"
  else
    fail "stderr does not name $1"
  fi
}

case_directory() {
  d="$tmp/in"
  mkdir -p "$d"
  printf 'Harbour news\n\n"The tide is \377\376 late," said Wren Abbott.\n' >"$d/bad-utf8.txt"
  printf 'PK\003\004\000\000\010\000\000\000\377\330\377\340\000\020JFIF\000\001\n\000\000' >"$d/binary.txt"
  : >"$d/empty.txt"
  {
    printf '%s\n' '{"id": "jsonl-good-1", "text": "\"We open at nine,\" said Ada Quill, who runs the ferry kiosk."}'
    printf '%s\n' '{"id": "jsonl-broken", "text": "this line is cut off'
    printf '%s\n' '{"id": "jsonl-good-2", "text": "The kiosk is closed on Sundays, Quill said.", "publisher": "Test Gazette"}'
    printf '%s\n' '{"id": "jsonl-no-text", "title": "A line without text"}'
  } >"$d/articles.jsonl"
  printf 'Ferry kiosk reopens\n\n"It is good to be back," said Ada Quill.\n' >"$d/good.txt"

  (cd "$tmp" && "$bin" extract in --format jsonl >"$tmp/stdout" 2>"$tmp/stderr")
  rc=$?
  expect_rc "extract on a directory with bad inputs" $rc 1
  echo "--- stderr:"
  cat "$tmp/stderr"
  echo "---"
  stderr_names bad-utf8.txt
  stderr_names binary.txt
  stderr_names empty.txt
  stderr_names articles.jsonl:2
  stderr_names articles.jsonl:4
  if grep -qF articles.jsonl:1 "$tmp/stderr" || grep -qF articles.jsonl:3 "$tmp/stderr"; then
    fail "stderr names a good line of articles.jsonl"
  fi

  # Every line on stdout is a JSON object; the good documents are all there, in order.
  if "$py" - "$tmp/stdout" <<'PY'; then ok "good documents on stdout"; else fail "good documents missing from stdout"; fi
import json, sys
docs = []
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        docs.append(json.loads(line)["doc"])
    except Exception as e:
        sys.exit(f"stdout line {n} is not a JSON document: {e}: {line[:200]!r}")
print("documents on stdout:", docs)
want = ["jsonl-good-1", "jsonl-good-2", "good"]
missing = [d for d in want if d not in docs]
if missing:
    sys.exit(f"missing {missing}")
if [d for d in docs if d in want] != want:
    sys.exit("good documents are not in sorted input order")
for bad in ("jsonl-broken", "jsonl-no-text", "empty", "binary"):
    if bad in docs:
        sys.exit(f"{bad} should have been skipped")
PY
}

case_huge_line() {
  # ~200 MB of plain prose on one line, no newline at all.
  yes 'The council met on a Tuesday and the harbour stayed calm all week. ' |
    tr -d '\n' | head -c 200000000 >"$tmp/huge.txt"
  size=$(wc -c <"$tmp/huge.txt")
  echo "generated huge.txt: $size bytes on one line"
  "$bin" extract "$tmp/huge.txt" --format jsonl >/dev/null 2>"$tmp/stderr"
  rc=$?
  rm -f "$tmp/huge.txt"
  head -c 2000 "$tmp/stderr"
  expect_rc "extract on a 200 MB line" $rc 0 1
}

case_atomic() {
  samples=$(cd "$(dirname "$0")/../../samples" && pwd)

  # 1. The output directory does not exist: an error, and no file.
  "$bin" build "$samples" -o "$tmp/no/such/dir/out.graphml" >/dev/null 2>"$tmp/stderr"
  rc=$?
  if [ $rc -eq 0 ]; then fail "build into a missing directory exited 0"; else expect_rc "build into a missing directory" $rc 1 2; fi
  [ -e "$tmp/no/such/dir/out.graphml" ] && fail "build into a missing directory created out.graphml"
  [ -s "$tmp/stderr" ] || fail "build into a missing directory printed no error"

  # 2. Writing fails mid-way (file size limit, SIGXFSZ ignored so write() fails
  #    with EFBIG): an error, no half file, no temporary left, the old file kept.
  mkdir -p "$tmp/out"
  printf 'previous good graph\n' >"$tmp/out/out.graphml"
  (
    trap '' XFSZ
    ulimit -f 4
    exec "$bin" build "$samples" -o "$tmp/out/out.graphml"
  ) >/dev/null 2>"$tmp/stderr"
  rc=$?
  if [ $rc -eq 0 ]; then fail "build that cannot finish writing exited 0"; else expect_rc "build that fails mid-write" $rc 1 2; fi
  if [ "$(cat "$tmp/out/out.graphml")" = "previous good graph" ]; then
    ok "the previous out.graphml is intact"
  else
    fail "out.graphml was overwritten by a failed run ($(wc -c <"$tmp/out/out.graphml") bytes)"
  fi
  for f in "$tmp/out"/* "$tmp/out"/.[!.]*; do
    [ -e "$f" ] && [ "$f" != "$tmp/out/out.graphml" ] && fail "temporary file left behind: $f"
  done

  # 3. A read-only output directory (root can write anywhere, so only as a user).
  if [ "$(id -u)" != 0 ]; then
    mkdir -p "$tmp/ro"
    chmod a-w "$tmp/ro"
    "$bin" build "$samples" -o "$tmp/ro/out.graphml" >/dev/null 2>"$tmp/stderr"
    rc=$?
    if [ $rc -eq 0 ]; then fail "build into a read-only directory exited 0"; else expect_rc "build into a read-only directory" $rc 1 2; fi
    [ -e "$tmp/ro/out.graphml" ] && fail "build into a read-only directory created out.graphml"
  else
    echo "(running as root: read-only directory case skipped)"
  fi
}

case_usage() {
  for args in "frobnicate samples" "extract --no-such-option samples" \
    "extract samples --format yaml" "build samples" "--no-such-flag"; do
    # shellcheck disable=SC2086
    "$bin" $args >/dev/null 2>"$tmp/stderr"
    rc=$?
    expect_rc "quotegraph $args" $rc 2
    [ -s "$tmp/stderr" ] || fail "quotegraph $args printed no message on stderr"
  done
  for args in "--help" "--version" "extract --help" "build --help"; do
    # shellcheck disable=SC2086
    "$bin" $args >"$tmp/stdout" 2>"$tmp/stderr"
    expect_rc "quotegraph $args" $? 0
    [ -s "$tmp/stdout" ] || fail "quotegraph $args printed nothing on stdout"
  done
}

# About 1.3 MB of JSONL, every document under its own id (so that the graph and the corpus
# grow too), at $tmp/many.jsonl: more output than the file size limits below, in either
# unit ulimit -f may count (512 or 1024 bytes).
make_many() {
  i=0
  while [ $i -lt 300 ]; do
    sed "s/^{\"id\": \"/{\"id\": \"$i-/" samples/collection.jsonl
    i=$((i + 1))
  done >"$tmp/many.jsonl"
}

case_output() {
  # With SIGXFSZ ignored, the write past the limit fails with EFBIG, as a write to a full
  # disk fails with ENOSPC.
  make_many
  "$bin" build "$tmp/many.jsonl" -o "$tmp/c.qg" --no-progress 2>"$tmp/stderr" ||
    fail "build many.jsonl -o c.qg: exit code $?"
  for args in "extract $tmp/many.jsonl --no-progress" \
    "build $tmp/many.jsonl -o - --format json --no-progress" \
    "export $tmp/c.qg -o - --format graphml" \
    "query $tmp/c.qg quotes"; do
    # shellcheck disable=SC2086
    (
      trap '' XFSZ
      ulimit -f 1024
      exec "$bin" $args >"$tmp/out" 2>"$tmp/stderr"
    )
    rc=$?
    [ "$(wc -c <"$tmp/out")" -ge 500000 ] || fail "quotegraph $args: wrote less than the limit"
    expect_rc "quotegraph $args past the file size limit" $rc 1 &&
      stderr_names "cannot write to stdout: File too large"
  done
}

case_signal() {
  # With SIGXFSZ at its default, the write past the limit ends the process with it, while
  # the temporary file is half written.
  make_many
  mkdir "$tmp/out"
  for format in graphml json qg; do
    (
      ulimit -f 1024
      exec "$bin" build "$tmp/many.jsonl" -o "$tmp/out/g.$format" --no-progress 2>"$tmp/stderr"
    )
    rc=$?
    if [ $rc -gt 128 ]; then
      ok "build -o g.$format ended by signal $((rc - 128))"
    elif [ $rc -eq 1 ] && grep -q "File too large" "$tmp/stderr"; then
      # SIGXFSZ was ignored when this shell started, and a shell cannot undo that: the
      # write failed instead, which must leave nothing behind all the same.
      ok "build -o g.$format: SIGXFSZ is ignored here, the write failed (exit code 1)"
    else
      fail "build -o g.$format past the file size limit: exit code $rc"
    fi
    left=$(ls -A "$tmp/out")
    if [ -n "$left" ]; then
      fail "build -o g.$format left $left"
      rm -f "$tmp/out/".* "$tmp/out/"* 2>/dev/null
    else
      ok "build -o g.$format left nothing behind"
    fi
  done
}

case "$case_name" in
  directory) case_directory ;;
  huge-line) case_huge_line ;;
  atomic) case_atomic ;;
  usage) case_usage ;;
  output) case_output ;;
  signal) case_signal ;;
  *)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac
exit $failed
