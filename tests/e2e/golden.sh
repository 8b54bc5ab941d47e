#!/bin/sh
# Golden end-to-end test: runs `quotegraph extract` and `quotegraph build` on
# samples and compares the output byte for byte with tests/golden/.
#
# Usage (from the repository root, so that inputs are named samples/...):
#   tests/e2e/golden.sh [--update] QUOTEGRAPH GOLDEN_DIR INPUT...
# INPUT is a sample file or a directory of samples (every .txt, .md and .jsonl in it).
# For a sample NAME.EXT the goldens are GOLDEN_DIR/NAME.extract.jsonl,
# NAME.graphml and NAME.dot. With --update, or UPDATE_GOLDEN=1 in the
# environment, the goldens are rewritten instead of compared (the approve
# step: review the result with `git diff tests/golden`).
#
# Example:
#   UPDATE_GOLDEN=1 ctest --test-dir build -R golden
#   tests/e2e/golden.sh --update build/quotegraph tests/golden samples
set -u

update=0
case "${UPDATE_GOLDEN:-0}" in 0 | "" | no | false | OFF | off) ;; *) update=1 ;; esac
if [ "${1:-}" = "--update" ]; then
  update=1
  shift
fi
if [ $# -lt 3 ]; then
  echo "usage: $0 [--update] QUOTEGRAPH GOLDEN_DIR INPUT..." >&2
  exit 2
fi
bin=$1
golden=$2
shift 2
py=${QUOTEGRAPH_PYTHON:-/usr/bin/python3}

if [ ! -x "$bin" ]; then
  echo "FAIL: $bin is not an executable" >&2
  exit 1
fi
[ "$update" = 1 ] && mkdir -p "$golden"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/qg-golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

failed=0

# JSONL lines are long: diff them pretty-printed when Python is there.
show_diff() {  # expected actual
  case "$1" in
    *.jsonl)
      if [ -x "$py" ] &&
        "$py" -c 'import json,sys
for line in sys.stdin:
    if line.strip(): print(json.dumps(json.loads(line), indent=1, ensure_ascii=False))' \
          <"$1" >"$tmp/expected.pretty" 2>/dev/null &&
        "$py" -c 'import json,sys
for line in sys.stdin:
    if line.strip(): print(json.dumps(json.loads(line), indent=1, ensure_ascii=False))' \
          <"$2" >"$tmp/actual.pretty" 2>/dev/null; then
        if ! cmp -s "$tmp/expected.pretty" "$tmp/actual.pretty"; then
          echo "(JSON lines pretty-printed for the diff; the comparison is byte for byte)"
          diff -u "$tmp/expected.pretty" "$tmp/actual.pretty" | head -n 300
          return
        fi
      fi
      ;;
  esac
  diff -u "$1" "$2" | head -n 300
}

check() {  # label actual expected
  if [ "$update" = 1 ]; then
    if [ -f "$3" ] && cmp -s "$2" "$3"; then
      echo "same     $3"
    else
      cp "$2" "$3" && echo "updated  $3"
    fi
  elif [ ! -f "$3" ]; then
    echo "FAIL $1: no golden file $3 (create it with UPDATE_GOLDEN=1 or --update)"
    failed=1
  elif cmp -s "$3" "$2"; then
    echo "ok       $1"
  else
    echo "FAIL $1: output differs from $3 (- golden, + actual):"
    show_diff "$3" "$2"
    failed=1
  fi
}

run_sample() {  # input file
  input=$1
  base=$(basename "$input")
  name=${base%.*}
  out="$tmp/$name"
  mkdir -p "$out"

  "$bin" extract "$input" --format jsonl >"$out/$name.extract.jsonl" 2>"$out/stderr"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL $name: quotegraph extract $input exited with $rc; stderr:"
    cat "$out/stderr"
    failed=1
    return
  fi
  check "$name extract" "$out/$name.extract.jsonl" "$golden/$name.extract.jsonl"

  for ext in graphml dot; do
    "$bin" build "$input" -o "$out/$name.$ext" 2>"$out/stderr"
    rc=$?
    if [ $rc -ne 0 ] || [ ! -f "$out/$name.$ext" ]; then
      echo "FAIL $name: quotegraph build $input -o $name.$ext exited with $rc; stderr:"
      cat "$out/stderr"
      failed=1
      continue
    fi
    check "$name $ext" "$out/$name.$ext" "$golden/$name.$ext"
  done
}

for input in "$@"; do
  if [ -d "$input" ]; then
    found=0
    for f in "$input"/*.txt "$input"/*.md "$input"/*.jsonl; do
      [ -f "$f" ] || continue
      found=1
      run_sample "$f"
    done
    if [ $found = 0 ]; then
      echo "FAIL: no samples in $input"
      failed=1
    fi
  elif [ -f "$input" ]; then
    run_sample "$input"
  else
    echo "FAIL: no such sample $input"
    failed=1
  fi
done

exit $failed
