#!/usr/bin/env python3
"""Seeded mutation test: damaged copies of samples/ through every command.

Each round takes a sample article (or a JSONL collection made of them), damages it
(flipped and inserted bytes, invalid UTF-8, stray quotation marks and handles, cut
lines, repeated and deleted spans, broken JSON) and runs `extract`, `build` (GraphML,
DOT, JSON, -j 2) and, on damaged copies of a saved corpus, `export` and `query`. What
must hold whatever the input:

- no crash: never a signal, and the exit code is one quotegraph documents (0, 1, or 2
  for a query that names nobody);
- an error of `extract`, `build` or `export` names the input file;
- `extract` prints only whole JSON lines;
- an output file that exists is whole (the XML or JSON parses), and no temporary file
  is left beside it.

The same seed gives the same inputs, so a failure can be replayed; the failing input is
kept in the directory given by --keep. Run it longer, and under AddressSanitizer, with:

  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQUOTEGRAPH_MIMALLOC=OFF \\
    -DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined
  cmake --build build-asan --target quotegraph
  tests/e2e/mutations.py build-asan/quotegraph --rounds 2000 --seed 7

Usage: tests/e2e/mutations.py QUOTEGRAPH [--rounds N] [--seed S] [--keep DIR]
(run from the repository root: it reads samples/).
"""

import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Text that steers extraction into its less common paths.
PIECES = ["\u201c", "\u201d", '"', "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "@", "@Blackwood",
          " said", " tweeted", " replied", ", writing, ", " she said.", " he told ", ":", "\n",
          "\n\n", "\r\n", "\t", " ", ".", ",", "Mr. ", "Dr. ", " \u2014 ", "(", ")", "#tag",
          "https://example.org/a", "RT @a: ", "\u00a0", "\u200b", "\ufeff", "they", "\U0001F600",
          "\u00e9", "\u0130", "\ufb01", "A" * 300, "@" * 50, "\u201c" * 40, "x" * 5000]
PIECE_BYTES = [p.encode("utf-8") for p in PIECES]
BAD_BYTES = [b"\x00", b"\xff", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
             b"\xc0\xaf", b"\x80"]
JSON_DAMAGE = [b"\\ud800", b"\\udc00", b"\\u0000", b"\\", b'"', b"\\uZZZZ", b"\x00", b"\xff", b"\n",
               b"{", b"}", b"[", b"]", b",", b":"]
CORPUS_DAMAGE = [b'"', b"{", b"}", b"[", b"]", b",", b":", b"null", b"-1", b"99999999999999999999",
                 b"1e400", b"\\u0000", b"\\ud800", b"\n", b'"start":5000000', b'"end":-3', b"\xff"]
QUERIES = [["stats"], ["speakers", "--top", "5"], ["quotes"], ["quotes", "--format", "csv"],
           ["merges"], ["components"], ["top", "--by", "pagerank"], ["neighbors", "Blackwood"],
           ["path", "Blackwood", "Marchetti"]]


class Failure(Exception):
    pass


def damage(rng, data, inserts, max_edits, max_cut, every_kind):
    """data with 1 to max_edits edits: flipped bytes, inserted pieces, cut spans and ends;
    with every_kind also invalid UTF-8, repeated spans and runs of pieces or noise."""
    b = bytearray(data)
    for _ in range(rng.randint(1, max_edits)):
        at = rng.randint(0, len(b))
        op = rng.randrange(8 if every_kind else 4)
        if op == 0 and b:
            b[rng.randrange(len(b))] = rng.randrange(256)
        elif op == 1:
            b[at:at] = rng.choice(inserts)
        elif op == 2:
            del b[at:min(len(b), at + rng.randint(1, max_cut))]
        elif op == 3:
            del b[at:]
        elif op == 4:
            b[at:at] = rng.choice(BAD_BYTES)
        elif op == 5 and b:
            b[at:at] = b[at:min(len(b), at + 300)] * rng.randint(1, 5)
        elif op == 6:
            b[at:at] = rng.choice(inserts) * rng.randint(1, 30)
        else:
            b[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
    return bytes(b)


def damage_text(rng, text):
    return damage(rng, text.encode("utf-8"), PIECE_BYTES, 12, 400, True)


def json_line(rng, text):
    doc = {"id": rng.choice(["a", "b", "x" * 200, "", "doc-1", "\u201c"]),
           "text": text.decode("utf-8", "replace")}
    for key in ("title", "date", "url", "publisher"):
        if rng.random() < 0.5:
            doc[key] = rng.choice(["2020-01-01", "", "x", "\u201cT\u201d", "9999-99-99"])
    if rng.random() < 0.1:
        doc[rng.choice(["text", "id", "date"])] = rng.choice([None, 1, 1.5e308, [], {}, True])
    line = bytearray(json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8"))
    if rng.random() < 0.3:
        for _ in range(rng.randint(1, 5)):
            at = rng.randint(0, len(line))
            if rng.random() < 0.2:
                del line[at:]
            else:
                line[at:at] = rng.choice(JSON_DAMAGE)
    return bytes(line)


def damage_corpus(rng, data):
    return damage(rng, data, CORPUS_DAMAGE, 6, 50, False)


def run(cmd, allowed, input_path, names_input=True):
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        raise Failure(f"{' '.join(cmd)}: no answer in 120 s")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode < 0:
        raise Failure(f"{' '.join(cmd)}: killed by signal {-p.returncode}\n{err[-2000:]}")
    if p.returncode not in allowed:
        raise Failure(f"{' '.join(cmd)}: exit code {p.returncode}, expected one of {allowed}\n"
                      f"{err[-2000:]}")
    if "Sanitizer" in err or "runtime error:" in err:
        raise Failure(f"{' '.join(cmd)}: sanitizer report\n{err[-4000:]}")
    for line in err.splitlines():
        if names_input and " error: " in line and input_path not in line:
            raise Failure(f"{' '.join(cmd)}: an error that does not name {input_path}: {line}")
    return p


def check_output(path, out_dir):
    leftovers = [f for f in os.listdir(out_dir) if f.startswith(".") or f.endswith(".tmp")]
    if leftovers:
        raise Failure(f"temporary files left in {out_dir}: {leftovers}")
    if not os.path.exists(path):
        return
    data = open(path, "rb").read()
    try:
        if path.endswith(".graphml"):
            ET.fromstring(data)
        elif path.endswith(".json"):
            json.loads(data)
        elif path.endswith(".dot") and not data.rstrip().endswith(b"}"):
            raise ValueError("does not end with }")
    except (ET.ParseError, ValueError) as e:
        raise Failure(f"{path} is not whole: {e}")


def article_round(rng, qg, texts, work):
    out_dir = os.path.join(work, "out")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    if rng.random() < 0.4:
        path = os.path.join(work, "article.txt")
        data = damage_text(rng, rng.choice(texts))
    else:
        path = os.path.join(work, "articles.jsonl")
        lines = [json_line(rng, damage_text(rng, rng.choice(texts))) for _ in range(rng.randint(1, 6))]
        data = b"\n".join(lines)
        if rng.random() < 0.2:
            data = data.replace(b"\n", b"\r\n")
    with open(path, "wb") as f:
        f.write(data)
    p = run([qg, "extract", path, "--explain", "--no-progress"], (0, 1), path)
    try:
        out = p.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Failure(f"extract {path}: output is not UTF-8 ({e})")
    if out and not out.endswith("\n"):
        raise Failure(f"extract {path}: the last line is cut: {out[-200:]}")
    # Split on "\n" alone: a JSON string may hold U+2028, which splitlines() splits on.
    for line in out.split("\n")[:-1]:
        try:
            json.loads(line)
        except ValueError as e:
            raise Failure(f"extract {path}: not a whole JSON line ({e}): {line[:200]}")
    ext = rng.choice([".graphml", ".graphml", ".dot", ".json"])
    out = os.path.join(out_dir, "graph" + ext)
    run([qg, "build", path, "-o", out, "-j", rng.choice(["1", "2"]), "--no-progress"], (0, 1), path)
    check_output(out, out_dir)
    return path


def corpus_round(rng, qg, corpus, work):
    out_dir = os.path.join(work, "out")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    path = os.path.join(work, "damaged.qg")
    with open(path, "wb") as f:
        f.write(damage_corpus(rng, corpus))
    out = os.path.join(out_dir, "export" + rng.choice([".graphml", ".json"]))
    run([qg, "export", path, "-o", out], (0, 1), path)
    check_output(out, out_dir)
    for q in rng.sample(QUERIES, 3):
        # A name that is unknown or ambiguous in what is left is the query's error, not
        # the file's: only export, above, must name the file.
        run([qg, "query", path] + q, (0, 1, 2), path, names_input=False)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("quotegraph")
    ap.add_argument("--rounds", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default=None, help="copy a failing input here")
    args = ap.parse_args()
    qg = os.path.abspath(args.quotegraph)
    texts = []
    for f in sorted(glob.glob("samples/*.txt") + glob.glob("samples/*.md")):
        texts.append(open(f, encoding="utf-8").read())
    for f in sorted(glob.glob("samples/*.jsonl")):
        for line in open(f, encoding="utf-8"):
            if line.strip():
                texts.append(json.loads(line)["text"])
    if not texts:
        print("no samples/ here: run from the repository root", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="qg-mutations.") as work:
        corpus_path = os.path.join(work, "samples.qg")
        run([qg, "build", "samples", "-o", corpus_path, "--no-progress"], (0,), "samples")
        corpus = open(corpus_path, "rb").read()
        for i in range(args.rounds):
            kind = "corpus" if rng.random() < 0.25 else "article"
            try:
                if kind == "corpus":
                    corpus_round(rng, qg, corpus, work)
                else:
                    article_round(rng, qg, texts, work)
            except Failure as e:
                print(f"FAIL round {i} ({kind}, seed {args.seed}): {e}")
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    for f in os.listdir(work):
                        if os.path.isfile(os.path.join(work, f)):
                            shutil.copy(os.path.join(work, f), args.keep)
                    print(f"inputs of the failing round kept in {args.keep}")
                return 1
    print(f"ok: {args.rounds} rounds of damaged input (seed {args.seed}), no crash, no half file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
