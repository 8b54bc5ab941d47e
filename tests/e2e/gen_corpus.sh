#!/bin/sh
# The corpus generator: the same seed gives the same bytes, another seed other bytes,
# every line is an article with gold quotes, and extraction finds them (end-to-end F1 at
# least 0.99 by ../shared/eval/score.py when it is there; else every gold quote found by
# its offsets).
#
# Usage: tests/e2e/gen_corpus.sh QUOTEGRAPH SHARED_DIR [PYTHON]
# Example: tests/e2e/gen_corpus.sh build/quotegraph ../shared /usr/bin/python3
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 QUOTEGRAPH SHARED_DIR [PYTHON]" >&2
  exit 2
fi
bin=$1
shared=$2
py=${3:-/usr/bin/python3}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
gen="$py tools/gen_corpus.py"
$gen --count 200 --seed 11 -o "$tmp/a.jsonl" || exit 1
$gen --count 200 --seed 11 > "$tmp/b.jsonl" || exit 1
$gen --count 200 --seed 12 -o "$tmp/c.jsonl" || exit 1
cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl" || { echo "FAIL: same seed, different bytes"; exit 1; }
cmp -s "$tmp/a.jsonl" "$tmp/c.jsonl" && { echo "FAIL: another seed, same bytes"; exit 1; }
[ "$(wc -l < "$tmp/a.jsonl")" -eq 200 ] || { echo "FAIL: not 200 lines"; exit 1; }
"$bin" extract "$tmp/a.jsonl" > "$tmp/pred.jsonl" || { echo "FAIL: extract exit code $?"; exit 1; }
if [ -f "$shared/eval/score.py" ]; then
  "$py" "$shared/eval/score.py" "$tmp/a.jsonl" "$tmp/pred.jsonl" --min-f1 0.99 || {
    echo "FAIL: end-to-end F1 below 0.99 on the generated corpus"
    exit 1
  }
fi
# Offsets: the gold text at each quote's offsets is the quote's text, and a statement of
# the same speaker overlaps it.
"$py" - "$tmp/a.jsonl" "$tmp/pred.jsonl" <<'PY' || exit 1
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
pred = {p["doc"]: p for p in map(json.loads, open(sys.argv[2], encoding="utf-8"))}
missed = 0
total = 0
for g in gold:
    text = g["text"].encode("utf-8")
    assert g["quotes"], g["id"]
    for q in g["quotes"]:
        total += 1
        assert text[q["start"]:q["end"]].decode("utf-8") == q["text"], (g["id"], q)
        mention = text[q["speaker_start"]:q["speaker_end"]].decode("utf-8")
        assert mention in ("she", "he") or mention.split()[-1] == q["speaker"].split()[-1], mention
        hit = [s for s in pred[g["id"]]["statements"]
               if min(s["end"], q["end"]) > max(s["start"], q["start"])]
        if not hit or hit[0]["speaker"] != q["speaker"]:
            missed += 1
if missed > total // 100:
    print(f"FAIL: {missed} of {total} generated quotes missed or misattributed")
    sys.exit(1)
print(f"ok: {total} generated quotes, {missed} missed or misattributed")
PY
