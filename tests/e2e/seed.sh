#!/bin/sh
# The seed article: extract ../shared/samples/seed-article.txt, score it against
# its gold with names resolved (end-to-end F1 must be 1.0), and check handles and
# interactions. Exits 77 (skipped) when the shared folder is absent.
#
# Usage: tests/e2e/seed.sh QUOTEGRAPH SHARED_DIR [PYTHON]
# Example: tests/e2e/seed.sh build/quotegraph ../shared /usr/bin/python3
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 QUOTEGRAPH SHARED_DIR [PYTHON]" >&2
  exit 2
fi
bin=$1
shared=$2
py=${3:-/usr/bin/python3}
article="$shared/samples/seed-article.txt"
gold="$shared/samples/seed-article.gold.jsonl"
score="$shared/eval/score.py"
for f in "$article" "$gold" "$score"; do
  if [ ! -f "$f" ]; then
    echo "SKIP: $f is absent"
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/qg-seed.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
pred="$tmp/seed.pred.jsonl"
failed=0

"$bin" extract "$article" --format jsonl >"$pred" 2>"$tmp/stderr"
rc=$?
if [ $rc -ne 0 ]; then
  echo "FAIL: quotegraph extract exited with $rc; stderr:"
  cat "$tmp/stderr"
  exit 1
fi

echo "--- score.py --names --min-f1 1.0"
if ! "$py" "$score" "$gold" "$pred" --names --min-f1 1.0; then
  echo "FAIL: end-to-end F1 with resolved names is below 1.0"
  failed=1
fi

echo "--- handles, interactions, not-quotes"
"$py" - "$pred" <<'PY' || failed=1
import json, sys

lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
if len(lines) != 1:
    sys.exit(f"FAIL: expected one document, got {len(lines)}")
doc = json.loads(lines[0])
problems = []

handles = {h["handle"]: h.get("person") for h in doc.get("handles", [])}
lowered = [h.lower() for h in handles]
if len(lowered) != len(set(lowered)):
    problems.append(f"a handle is listed twice in different cases: {sorted(handles)}")
# The first spelling is kept: @AOC, not the later @aoc.
for handle, person in (("@AOC", "Alexandria Ocasio-Cortez"), ("@jeremycorbyn", "Jeremy Corbyn")):
    if handle not in handles:
        problems.append(f"handle {handle} not found (handles: {doc.get('handles')})")
    elif handles[handle] != person:
        problems.append(f"handle {handle} links to {handles[handle]!r}, expected {person!r}")

interactions = {(i.get("type"), i.get("from"), i.get("to")) for i in doc.get("interactions", [])}
for want in (("replied_to", "Alexandria Ocasio-Cortez", "Jeremy Corbyn"),
             ("replied_to", "Yair Rosenberg", "Alexandria Ocasio-Cortez")):
    if want not in interactions:
        problems.append(f"interaction {want[1]} -{want[0]}-> {want[2]} missing "
                        f"(interactions: {doc.get('interactions')})")

for st in doc.get("statements", []):
    if st.get("text", "").strip() in ("Green New Deal.", "Green New Deal"):
        problems.append("the scare quote \u201cGreen New Deal.\u201d is reported as a statement")

for p in problems:
    print("FAIL:", p)
if problems:
    sys.exit(1)
print("ok       handles @AOC, @jeremycorbyn; replied_to x2; no Green New Deal statement")
PY
exit $failed
