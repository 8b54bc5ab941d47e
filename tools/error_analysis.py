#!/usr/bin/env python3
"""Per-pattern counts of extraction errors against a gold file (PolNeAR format).

Usage: error_analysis.py GOLD.jsonl PRED.jsonl [--show CATEGORY] [--limit N]

PRED must come from `quotegraph extract --explain` so that each statement names
its rule. Categories:
  missed        gold quote no statement overlaps (why: no marks found, dropped as scare quote)
  spurious      statement matching no gold quote (by rule)
  wrong-speaker matched, but the mention misses the gold source and the name differs (by rule)
"""
import argparse
import collections
import importlib.util
import json
import os

here = os.path.dirname(os.path.abspath(__file__))


def load_scorer(gold_path):
    path = os.path.join(os.path.dirname(os.path.abspath(gold_path)), "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def context(text_bytes, start, end, pad=120):
    lo, hi = max(0, start - pad), min(len(text_bytes), end + pad)
    s = text_bytes[lo:start].decode("utf-8", "replace") + "[[" + \
        text_bytes[start:end].decode("utf-8", "replace") + "]]" + \
        text_bytes[end:hi].decode("utf-8", "replace")
    return s.replace("\n", " / ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show", help="print examples of this category (missed, spurious, wrong-speaker)")
    ap.add_argument("--rule", help="only examples whose rule is this")
    ap.add_argument("--limit", type=int, default=25)
    a = ap.parse_args()
    sc = load_scorer(a.gold)
    gold = {d["id"]: d for d in sc.load_jsonl(a.gold)}
    pred = {str(d.get("doc")): d for d in sc.load_jsonl(a.pred)}
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    for doc_id, g in gold.items():
        tb = g["text"].encode("utf-8")
        stmts = pred.get(doc_id, {}).get("statements", [])
        for q in g["quotes"]:
            cands = [s for s in stmts if sc.matches(q, s)]
            if not cands:
                counts[("missed", "-")] += 1
                examples["missed"].append(("-", context(tb, q["start"], q["end"]), q.get("speaker")))
                continue
            if q.get("speaker") is None:
                continue
            best = max(cands, key=lambda s: sc.overlap((q["start"], q["end"]), (s["start"], s["end"])))
            if not sc.speaker_right(best, q, {}):
                rule = best.get("rule", "?")
                counts[("wrong-speaker", rule)] += 1
                m = best.get("speaker_mention") or {}
                examples["wrong-speaker"].append(
                    (rule, context(tb, q["start"], q["end"], 200),
                     "gold=%r pred=%r mention=%r" % (q.get("speaker"), best.get("speaker"), m.get("text"))))
        for s in stmts:
            if not any(sc.matches(q, s) for q in g["quotes"]):
                rule = s.get("rule", "?")
                counts[("spurious", rule)] += 1
                examples["spurious"].append((rule, context(tb, s["start"], s["end"]), s.get("speaker")))
    for (cat, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print("%-14s %-22s %5d" % (cat, rule, n))
    if a.show:
        shown = 0
        for rule, ctx, extra in examples[a.show]:
            if a.rule and rule != a.rule:
                continue
            print("\n[%s] %s\n    %s" % (rule, extra, ctx))
            shown += 1
            if shown >= a.limit:
                break


if __name__ == "__main__":
    main()
