# Sourced by the e2e scripts: the argument check of those that take the binary alone, a
# scratch directory that is removed when the script ends (Ctrl-C included), and fail(),
# which prints the failure and marks the run failed for the script's `exit $failed`.
#
# Example:
#   . "$(dirname "$0")/lib.sh"
#   binary_only "$@"                     # $bin, or the usage and exit 2
#   scratch repeats                      # $tmp: /tmp/qg-repeats.XXXXXX
#   cmp -s "$tmp/a" "$tmp/b" || fail "a and b differ"
#   exit $failed

# binary_only "$@": for the scripts whose one argument is the quotegraph binary: sets
# $bin, or prints the usage and exits 2.
binary_only() {
  if [ $# -ne 1 ]; then
    echo "usage: $0 QUOTEGRAPH" >&2
    exit 2
  fi
  bin=$1
}

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
