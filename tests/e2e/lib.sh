# Sourced by the e2e scripts, after their own argument check: a scratch directory that is
# removed when the script ends (Ctrl-C included), and fail(), which prints the failure
# and marks the run failed for the script's `exit $failed`.
#
# Example:
#   . "$(dirname "$0")/lib.sh"
#   scratch repeats                      # $tmp: /tmp/qg-repeats.XXXXXX
#   cmp -s "$tmp/a" "$tmp/b" || fail "a and b differ"
#   exit $failed

# scratch NAME: makes $tmp, removed on exit.
scratch() {
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/qg-$1.XXXXXX") || exit 1
  trap 'rm -rf "$tmp"' EXIT
  trap 'exit 130' INT TERM
}

failed=0
fail() {
  echo "FAIL $*"
  failed=1
}
