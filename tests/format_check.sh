#!/bin/sh
# The house style is .clang-format; this fails when a tracked C++ file drifts from it.
# Exit 77 (skipped) when clang-format or git is not there.
set -u
cd "$1" || exit 1
command -v clang-format >/dev/null 2>&1 || exit 77
git rev-parse --git-dir >/dev/null 2>&1 || exit 77
files=$(git ls-files '*.cpp' '*.hpp')
[ -n "$files" ] || exit 77
# shellcheck disable=SC2086
out=$(clang-format --dry-run $files 2>&1)
if [ -n "$out" ]; then
  printf '%s\n' "$out" | head -40
  echo "run: clang-format -i \$(git ls-files '*.cpp' '*.hpp')"
  exit 1
fi
echo "all $(printf '%s\n' $files | wc -l) C++ files follow .clang-format"
