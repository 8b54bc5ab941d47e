#!/bin/sh
# Scores `quotegraph extract` on ../shared/eval/polnear-SPLIT.gold.jsonl with
# score.py and fails when end-to-end F1, speaker (attribution) accuracy or
# detection F1 falls below the floors for SPLIT in FLOORS.json. Exits 77
# (skipped) when the gold file or score.py is absent.
#
# Usage: tests/eval/score_floor.sh QUOTEGRAPH SHARED_DIR SPLIT FLOORS.json OUT_DIR [PYTHON]
# Example:
#   tests/eval/score_floor.sh build/quotegraph ../shared dev tests/eval/floors.json /tmp
set -u
if [ $# -lt 5 ]; then
  echo "usage: $0 QUOTEGRAPH SHARED_DIR SPLIT FLOORS.json OUT_DIR [PYTHON]" >&2
  exit 2
fi
bin=$1
shared=$2
split=$3
floors=$4
outdir=$5
py=${6:-/usr/bin/python3}
gold="$shared/eval/polnear-$split.gold.jsonl"
score="$shared/eval/score.py"
for f in "$gold" "$score"; do
  if [ ! -f "$f" ]; then
    echo "SKIP: $f is absent"
    exit 77
  fi
done
if [ ! -f "$floors" ]; then
  echo "FAIL: no floors file $floors"
  exit 1
fi

mkdir -p "$outdir" || exit 1
pred="$outdir/polnear-$split.pred.jsonl"
result="$outdir/polnear-$split.score.json"

"$bin" extract "$gold" --format jsonl >"$pred" 2>"$outdir/polnear-$split.stderr"
rc=$?
if [ $rc -ne 0 ]; then
  echo "FAIL: quotegraph extract $gold exited with $rc; stderr (last lines):"
  tail -n 20 "$outdir/polnear-$split.stderr"
  exit 1
fi

"$py" "$score" "$gold" "$pred" --json >"$result"
rc=$?
if [ $rc -ne 0 ]; then
  echo "FAIL: score.py exited with $rc"
  cat "$result"
  exit 1
fi

"$py" - "$result" "$floors" "$split" <<'PY'
import json, sys

result = json.load(open(sys.argv[1], encoding="utf-8"))
floors = json.load(open(sys.argv[2], encoding="utf-8"))
split = sys.argv[3]
if split not in floors:
    sys.exit(f"FAIL: no floors for {split!r} in {sys.argv[2]}")
got = {
    "end_to_end_f1": result["end_to_end"]["f1"],
    "attribution_accuracy": result["attribution_accuracy"],
    "detection_f1": result["detection"]["f1"],
}
failed = False
print(f"PolNeAR {split}: {result['documents']} documents, {result['gold_quotes']} gold quotes, "
      f"{result['predicted']} predicted, {result['found']} found")
for name, value in got.items():
    floor = floors[split][name]
    ok = value >= floor
    failed |= not ok
    print(f"{'ok  ' if ok else 'FAIL'} {name:<22} {value:.4f}  floor {floor:.4f}")
sys.exit(1 if failed else 0)
PY
