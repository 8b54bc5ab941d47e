#!/bin/sh
# Renders a DOT file with Graphviz; any warning on stderr (bad UTF-8, a string
# too long, a syntax slip) counts as a failure, not only a non-zero exit.
# usage: check_dot.sh DOT_TOOL FILE.dot OUT.svg
set -u
dot_tool=$1 file=$2 svg=$3
if ! command -v "$dot_tool" >/dev/null 2>&1; then
  echo "Graphviz '$dot_tool' not found: install graphviz" >&2
  exit 1
fi
err=$("$dot_tool" -Tsvg "$file" -o "$svg" 2>&1)
rc=$?
if [ $rc -ne 0 ] || [ -n "$err" ]; then
  echo "dot -Tsvg $file failed (exit $rc):" >&2
  echo "$err" >&2
  exit 1
fi
grep -q '<svg' "$svg" || { echo "$svg holds no <svg>" >&2; exit 1; }
nodes=$(grep -c 'class="node"' "$svg")
[ "$nodes" -gt 0 ] || { echo "$svg has no nodes" >&2; exit 1; }
echo "rendered $file: $nodes nodes"
