#!/bin/sh
# Validates a GraphML file against the GraphML XSD with xmllint. Exits 77
# (ctest SKIP) when xmllint or the schema folder is absent.
# usage: check_xmllint.sh XSD_DIR FILE.graphml
set -u
xsd_dir=$1 file=$2
if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint not found (Debian: libxml2-utils): skipping" >&2
  exit 77
fi
if [ ! -f "$xsd_dir/graphml.xsd" ]; then
  echo "no $xsd_dir/graphml.xsd: skipping" >&2
  exit 77
fi
xmllint --noout --nonet --schema "$xsd_dir/graphml.xsd" "$file"
