#!/bin/sh
# The figures of issue 5, measured and printed: extract MB/s end to end, the same against
# compromise (node), GraphML export of a graph of at least a million edges against
# networkx, maximum memory of `build` on a large generated corpus with bytes per node and
# per edge, and `build -j 1` against `-j 2`. Timings are the best of $REPEAT runs.
#
# Usage: bench/run.sh [BUILD_DIR]          (from the repository root; `make bench` runs it)
# Environment: REPEAT (3), WORK (a scratch folder, default /tmp/quotegraph-bench),
#   EXTRACT_MB (30), COMPROMISE_MB (2: compromise does ~0.2 MB/s, so it reads a prefix of
#   the corpus), GRAPH_ARTICLES (64000, for >= 1 M edges), MEMORY_ARTICLES (32000),
#   SKIP (space-separated: compromise networkx memory jobs).
# Needs: python3 (standard library; networkx from Debian's /usr/bin/python3 for the
# comparison), node and npm for compromise, /usr/bin/time for memory.
set -u
build=${1:-build}
qg="$build/quotegraph"
[ -x "$qg" ] || { echo "no $qg: build first (make bench)" >&2; exit 2; }
repeat=${REPEAT:-3}
work=${WORK:-/tmp/quotegraph-bench}
shared=${SHARED:-../shared}
skip=" ${SKIP:-} "
mkdir -p "$work"
py=/usr/bin/python3

now() { date +%s.%N; }
# best_of CMD...: the shortest wall time of $repeat runs, in seconds; the output goes to
# $OUT (default /dev/null).
best_of() {
  best=""
  i=0
  while [ $i -lt "$repeat" ]; do
    t0=$(now)
    "$@" > "${OUT:-/dev/null}" 2> /dev/null || { echo "failed: $*" >&2; return 1; }
    t1=$(now)
    best=$(echo "$t0 $t1 ${best:-1e9}" | awk '{d = $2 - $1; print (d < $3 ? d : $3)}')
    i=$((i + 1))
  done
  echo "$best"
}
mbps() { echo "$1 $2" | awk '{printf "%.1f", $1 / 1e6 / $2}'; }
size() { wc -c < "$1" | tr -d ' '; }
skipped() { case "$skip" in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

echo "# quotegraph benchmarks: $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The corpus: PolNeAR train+dev repeated to >= EXTRACT_MB, or a generated one.
want=$(( ${EXTRACT_MB:-30} * 1000000 ))
corpus="$work/extract-corpus.jsonl"
if [ -f "$shared/eval/polnear-train.gold.jsonl" ] && [ -f "$shared/eval/polnear-dev.gold.jsonl" ]; then
  what="PolNeAR train+dev repeated"
  : > "$corpus"
  while [ "$(size "$corpus")" -lt "$want" ]; do
    cat "$shared/eval/polnear-train.gold.jsonl" "$shared/eval/polnear-dev.gold.jsonl" >> "$corpus"
  done
else
  what="generated (tools/gen_corpus.py; $shared/eval absent)"
  $py tools/gen_corpus.py --seed 1 --count $((want / 2300 + 1)) -o "$corpus"
fi
bytes=$(size "$corpus")
docs=$(wc -l < "$corpus" | tr -d ' ')
# The JSONL goes to a file, as in use; into /dev/null is shown too (no output cost).
# quotegraph before 2026-11-29 replaced /dev/null with a regular file when given
# `-o /dev/null` as root (step 3 does that), which made "into /dev/null" a write to
# tmpfs: the line says so when it is not the device.
t=$(OUT="$work/extract-out.jsonl" best_of "$qg" extract "$corpus" --format jsonl --no-progress)
qg_mbps=$(mbps "$bytes" "$t")
t_null=$(best_of "$qg" extract "$corpus" --format jsonl --no-progress)
echo
echo "## extract, end to end (read, segment, detect, attribute, resolve, write JSONL), one thread"
echo "corpus: $what, $bytes bytes, $docs articles"
echo "extract: $t s, $qg_mbps MB/s of input file (best of $repeat), JSONL written to a file"
null_note=""
[ -c /dev/null ] || null_note=" (/dev/null is not a character device here: a regular file)"
echo "extract into /dev/null: $t_null s, $(mbps "$bytes" "$t_null") MB/s$null_note"

# 2. compromise: nlp(text).people() and .quotations() per article, on a prefix.
echo
echo "## compromise (node), people() + quotations() per article"
if skipped compromise; then
  echo "skipped"
elif ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "not available (node/npm missing)"
else
  cdir="$work/compromise"
  if [ ! -d "$cdir/node_modules/compromise" ]; then
    mkdir -p "$cdir" && (cd "$cdir" && npm install --silent --no-audit --no-fund compromise > /dev/null 2>&1)
  fi
  if [ ! -d "$cdir/node_modules/compromise" ]; then
    echo "not available (npm install compromise failed)"
  else
    prefix="$work/compromise-corpus.jsonl"
    head -c $(( ${COMPROMISE_MB:-2} * 1000000 )) "$corpus" | $py -c '
import sys
lines = sys.stdin.buffer.read().split(b"\n")
sys.stdout.buffer.write(b"\n".join(lines[:-1]) + b"\n")' > "$prefix"
    cat > "$cdir/run.js" << 'JS'
const fs = require('fs');
const nlp = require('compromise');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let people = 0, quotes = 0;
const t0 = process.hrtime.bigint();
for (const line of lines) {
  const doc = nlp(JSON.parse(line).text);
  people += doc.people().out('array').length;
  quotes += doc.quotations().out('array').length;
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${s} ${people} ${quotes}`);
JS
    pbytes=$(size "$prefix")
    read -r ct cp cq << EOF
$(cd "$cdir" && node run.js "$prefix")
EOF
    c_mbps=$(echo "$pbytes $ct" | awk '{printf "%.3f", $1 / 1e6 / $2}')
    tq=$(best_of "$qg" extract "$prefix" --no-progress)
    echo "compromise $(cd "$cdir" && node -p 'require("compromise").version'): $pbytes bytes ($(wc -l < "$prefix" | tr -d ' ') articles), $ct s, $c_mbps MB/s ($cp people, $cq quotations; JSON parsing not timed)"
    echo "quotegraph extract on the same prefix: $tq s, $(mbps "$pbytes" "$tq") MB/s"
    echo "ratio (quotegraph MB/s on the full corpus / compromise MB/s): $(echo "$qg_mbps $c_mbps" | awk '{printf "%.0f", $1 / $2}')x"
  fi
fi

# 3. GraphML export of >= 1 M edges, quotegraph against networkx, on the same graph.
# Writer against writer: networkx's graph is in memory (read_graphml, not timed) and
# write_graphml is timed; quotegraph's writer time is the "write graphml" stage that
# `export -v` logs (graph already built). Both write the same file system (page cache,
# no fsync) and, separately, /dev/null (serialising only). The end-to-end `export` time
# (reading the .qg, identities, graph, GraphML written atomically with fsync) comes second.
gen_n=${GRAPH_ARTICLES:-64000}
big="$work/gen-$gen_n.jsonl"
[ -f "$big" ] || $py tools/gen_corpus.py --seed 5 --count "$gen_n" -o "$big"
echo
echo "## GraphML export of a large graph (generated corpus, $gen_n articles, $(size "$big") bytes)"
"$qg" build "$big" -o "$work/big.qg" --no-progress > /dev/null 2>&1 || "$qg" build "$big" -o "$work/big.qg" > /dev/null
"$qg" export "$work/big.qg" -o "$work/big.graphml" > /dev/null
nodes=$(grep -c '<node ' "$work/big.graphml")
edges=$(grep -c '<edge ' "$work/big.graphml")
gbytes=$(size "$work/big.graphml")
# stage_best OUT: best (over $repeat runs) of export -v's "write graphml" stage writing
# to OUT through stdout; the stage line of that run goes to $work/stages.txt.
stage_best() {
  best=""
  i=0
  while [ $i -lt "$repeat" ]; do
    line=$("$qg" -v export "$work/big.qg" -o - --format graphml 2>&1 > "$1" | grep 'stage times: identities')
    w=$(echo "$line" | sed 's/.*write graphml \([0-9.]*\) s.*/\1/')
    if [ -z "$best" ] || [ "$(echo "$w $best" | awk '{print ($1 < $2)}')" = 1 ]; then best=$w; stages=$line; fi
    i=$((i + 1))
  done
  echo "$stages" > "$work/stages.txt"
  echo "$best"
}
wf=$(stage_best "$work/big.stdout.graphml")
stages=$(cat "$work/stages.txt")
cmp -s "$work/big.stdout.graphml" "$work/big.graphml" || echo "WARNING: export to stdout differs from export -o"
wn=$(stage_best /dev/null)
load=$("$qg" -v export "$work/big.qg" -o /dev/null --format graphml 2>&1 | grep 'stage times: load' | sed 's/.*load [^ ]* \([0-9.]*\) s.*/\1/')
tx=$(best_of "$qg" export "$work/big.qg" -o "$work/big.graphml")
echo "graph: $nodes nodes, $edges edges, $gbytes bytes of GraphML"
echo "quotegraph GraphML writer (export -v, write stage): $wf s to a file, $(mbps "$gbytes" "$wf") MB/s; $wn s to /dev/null, $(mbps "$gbytes" "$wn") MB/s (best of $repeat)"
echo "quotegraph export .qg -> .graphml, end to end (load $load s, $(echo "$stages" | sed 's/.*stage times: //'); fsync): $tx s, $(mbps "$gbytes" "$tx") MB/s"
if skipped networkx; then
  echo "networkx: skipped"
elif ! $py -c 'import networkx' 2> /dev/null; then
  echo "networkx: not available (python3-networkx)"
else
  set -- $($py - "$work/big.graphml" "$work/big.nx.graphml" "$repeat" << 'PY'
import sys, time
import networkx as nx
g = nx.read_graphml(sys.argv[1])  # not timed
runs = max(1, min(2, int(sys.argv[3])))
def best(path):
    b = None
    for _ in range(runs):
        t0 = time.perf_counter()
        nx.write_graphml(g, path)
        t = time.perf_counter() - t0
        b = t if b is None else min(b, t)
    return b
print(best(sys.argv[2]), best("/dev/null"))
PY
)
  tn=$1
  tnn=$2
  # The machine is shared: time quotegraph's writer again after networkx and keep the
  # best, so that both sides had the same chance of a quiet moment.
  wf2=$(stage_best "$work/big.stdout.graphml")
  [ "$(echo "$wf2 $wf" | awk '{print ($1 < $2)}')" = 1 ] && wf=$wf2
  wn2=$(stage_best /dev/null)
  [ "$(echo "$wn2 $wn" | awk '{print ($1 < $2)}')" = 1 ] && wn=$wn2
  echo "quotegraph GraphML writer, timed again after networkx, best of both rounds: $wf s to a file, $wn s to /dev/null"
  echo "networkx $($py -c 'import networkx; print(networkx.__version__)') write_graphml of the same graph (read with read_graphml, not timed): $tn s to a file, $tnn s to /dev/null"
  echo "ratio, writer against writer (networkx write_graphml / quotegraph write stage): $(echo "$tn $wf" | awk '{printf "%.0f", $1 / $2}')x to a file, $(echo "$tnn $wn" | awk '{printf "%.0f", $1 / $2}')x to /dev/null"
  echo "ratio, networkx write_graphml / quotegraph export end to end (load and graph included): $(echo "$tn $tx" | awk '{printf "%.1f", $1 / $2}')x"
fi

# 4. Memory of build on a large generated corpus; bytes per node and per edge.
echo
echo "## memory: quotegraph build, generated corpus"
if skipped memory; then
  echo "skipped"
else
  mem_n=${MEMORY_ARTICLES:-32000}
  half=$((mem_n / 2))
  for n in "$half" "$mem_n"; do
    f="$work/gen-$n.jsonl"
    [ -f "$f" ] || $py tools/gen_corpus.py --seed 5 --count "$n" -o "$f"
    /usr/bin/time -f '%M' "$qg" -v build "$f" -o "$work/mem.graphml" --no-progress 2> "$work/mem.log" > /dev/null
    rss=$(tail -1 "$work/mem.log")
    nn=$(grep -c '<node ' "$work/mem.graphml")
    ne=$(grep -c '<edge ' "$work/mem.graphml")
    echo "$n articles ($(size "$f") bytes): max RSS $rss KB, $nn nodes, $ne edges, $((rss * 1024 / (nn + ne))) bytes per node+edge"
    grep 'graph memory' "$work/mem.log" | sed 's/.*info: /  /'
    eval "rss_$n=$rss nodes_$n=$nn edges_$n=$ne"
  done
  eval "r1=\$rss_$half r2=\$rss_$mem_n n1=\$nodes_$half n2=\$nodes_$mem_n e1=\$edges_$half e2=\$edges_$mem_n"
  echo "$r1 $r2 $n1 $n2 $e1 $e2 $half $mem_n" | awk '{
    per_item = ($2 - $1) * 1024 / (($4 - $3) + ($6 - $5));
    per_article = ($2 - $1) * 1024 / ($8 - $7);
    printf "marginal: %.0f bytes per node or edge, %.0f bytes per article (%.1f nodes, %.1f edges each)\n", per_item, per_article, ($4 - $3) / ($8 - $7), ($6 - $5) / ($8 - $7);
    printf "extrapolated to 1,000,000 articles: %.2f GB\n", ($2 * 1024 + per_article * (1000000 - $8)) / 1e9 }'
fi

# 5. build -j scaling, on the corpus of step 1 with every document made distinct: build
# skips a document whose id and text it has met, so the copies of PolNeAR get ids of
# their own ("~2", "~3", ...) to be extracted and to become documents of the graph.
echo
echo "## build -j 1 against -j 2 (the corpus of step 1, every copy's ids made distinct; GraphML out)"
if skipped jobs; then
  echo "skipped"
elif ! "$qg" build --help 2>&1 | grep -q -- '--jobs'; then
  echo "not available"
else
  jobs_corpus="$work/jobs-corpus.jsonl"
  $py -c '
import json, sys
seen = {}
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        doc = json.loads(line)
        n = seen[doc["id"]] = seen.get(doc["id"], 0) + 1
        if n > 1:
            doc["id"] = "%s~%d" % (doc["id"], n)
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
' "$corpus" "$jobs_corpus" || { echo "failed: distinct ids for $corpus" >&2; exit 1; }
  echo "corpus: $(size "$jobs_corpus") bytes, $(wc -l < "$jobs_corpus" | tr -d ' ') documents"
  # -j 1 and -j 2 alternate, $JOB_ROUNDS rounds (default 4 x $REPEAT): the machines this
  # was measured on drift by 20 % within minutes, which timing all of -j 1 before all of
  # -j 2 reads as a change of speedup. Each round also writes the output to /dev/shm when
  # it is a tmpfs, to show what the disk costs: the wait for the fsync and, on a
  # filesystem mounted with `discard`, for the old output's blocks discarded inside the
  # rename, neither of which more threads shorten.
  rounds=${JOB_ROUNDS:-$((repeat * 4))}
  outs="$work"
  shm=/dev/shm/quotegraph-bench-$$
  if [ "$(stat -f -c %T /dev/shm 2> /dev/null)" = tmpfs ] && mkdir -p "$shm" 2> /dev/null; then
    outs="$work $shm"
    trap 'rm -rf "$shm"' EXIT
  fi
  : > "$work/jobs.times"
  i=0
  while [ $i -lt "$rounds" ]; do
    for out in $outs; do
      for j in 1 2; do
        t0=$(now)
        "$qg" build "$jobs_corpus" -j $j -o "$out/j$j.graphml" > /dev/null 2>&1 ||
          { echo "failed: build -j $j -o $out/j$j.graphml" >&2; exit 1; }
        t1=$(now)
        where=disk
        [ "$out" = "$work" ] || where=tmpfs
        echo "$where $j $t0 $t1" >> "$work/jobs.times"
      done
    done
    i=$((i + 1))
  done
  same=$(cmp -s "$work/j1.graphml" "$work/j2.graphml" && echo "byte-identical" || echo "DIFFERENT")
  sort -k1,1 -k2,2n "$work/jobs.times" | awk -v rounds="$rounds" -v same="$same" -v nproc="$(nproc)" '
    { k = $1 " " $2; d = $4 - $3; t[k, ++n[k]] = d; if (!(k in best) || d < best[k]) best[k] = d }
    function median(k,   m, a, b, tmp) {
      m = n[k]
      for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (t[k, b] < t[k, a]) { tmp = t[k, a]; t[k, a] = t[k, b]; t[k, b] = tmp }
      return m % 2 ? t[k, (m + 1) / 2] : (t[k, m / 2] + t[k, m / 2 + 1]) / 2
    }
    END {
      m1 = median("disk 1"); m2 = median("disk 2")
      printf "-j 1: median %.4f s (best %.4f), -j 2: median %.4f s (best %.4f), %d alternating rounds\n", m1, best["disk 1"], m2, best["disk 2"], rounds
      printf "speedup %.2fx of medians, %.2fx of bests, outputs %s (nproc %s)\n", m1 / m2, best["disk 1"] / best["disk 2"], same, nproc
      if (("tmpfs 1") in n) {
        s1 = median("tmpfs 1"); s2 = median("tmpfs 2")
        printf "the same rounds with the output on /dev/shm (tmpfs, no disk): -j 1 median %.4f s, -j 2 median %.4f s, speedup %.2fx of medians\n", s1, s2, s1 / s2
      }
    }'
fi
