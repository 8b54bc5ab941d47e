"""Loads quotegraph's GraphML (and node-link JSON) with networkx and checks the typed attributes.

usage: check_networkx.py FILE.graphml [--json FILE.json] [--fixture] [--people]
  --fixture  the file is export_fixture's: check the exact (cleaned) strings too
  --people   the file is a person-to-person view
"""
import argparse
import json
import sys

import networkx as nx

KINDS = {"person", "organization", "handle", "statement", "document"}
RELATIONS = {"said", "mentions", "has_handle", "addressed_to", "replied_to", "appears_in"}

# export_fixture's strings after clean-up: control characters, invalid UTF-8 and
# U+FFFF dropped; CR kept (written as &#13;), everything else byte for byte.
FIXTURE_TEXTS = {
    'He said "no" \\ then\nleft <b>&amp;</b> \U0001F389end',
    "C:\\new\\table \\N \\G \\l and a lone \\",
    "bell, vertical tab, bad byte , CR\r\nLF, U+FFFF .",
    "x" * 300 + " \u201cmarks\u201d \u2018too\u2019",
}
FIXTURE_LABELS = {
    "d1": 'fixture <&> "one"',
    "p1": "Zo\u00eb \"Zed\" O'Brien",
    "h1": "@ZedOB",
    "p2": "node",
    "o1": "Quill & Ink",
}


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graphml")
    parser.add_argument("--json")
    parser.add_argument("--fixture", action="store_true")
    parser.add_argument("--people", action="store_true")
    args = parser.parse_args()

    g = nx.read_graphml(args.graphml)
    check(isinstance(g, nx.DiGraph) and g.is_directed(), "not a directed graph")
    check(g.number_of_nodes() > 0, "no nodes")

    kinds = {}
    for node, data in g.nodes(data=True):
        check(isinstance(data.get("kind"), str), f"{node}: kind missing or not a string: {data}")
        check(data["kind"] in KINDS, f"{node}: unknown kind {data['kind']!r}")
        check(isinstance(data.get("label"), str) and data["label"], f"{node}: no label")
        check(isinstance(data.get("confidence"), float), f"{node}: confidence not a double")
        kinds[data["kind"]] = kinds.get(data["kind"], 0) + 1
        if data["kind"] == "statement":
            check(isinstance(data.get("text"), str) and data["text"], f"{node}: no text")
            check(len(data["label"]) <= 80, f"{node}: statement label not shortened")

    relations = RELATIONS | {"interacts"} if args.people else RELATIONS
    for source, target, data in g.edges(data=True):
        check(data.get("relation") in relations, f"{source}->{target}: relation {data}")
        check(type(data.get("weight")) is int and data["weight"] >= 1,
              f"{source}->{target}: weight not a positive int: {data}")

    if args.people:
        check(set(kinds) <= {"person", "organization"}, f"people view holds {kinds}")
    else:
        check(kinds.get("document", 0) >= 1, f"no document node: {kinds}")
        check(kinds.get("statement", 0) >= 1, f"no statement node: {kinds}")
        check(kinds.get("person", 0) + kinds.get("organization", 0) >= 1, f"no speaker: {kinds}")

    if args.fixture and not args.people:
        texts = {d["text"] for _, d in g.nodes(data=True) if d["kind"] == "statement"}
        check(texts == FIXTURE_TEXTS, f"statement texts differ: {texts!r}")
        for node, label in FIXTURE_LABELS.items():
            check(g.nodes[node]["label"] == label, f"{node}: label {g.nodes[node]['label']!r}")
        check(g.nodes["d1"]["title"] == "Tabs\tand \\ backslashes", "document title")
        check(g.edges["p2", "p1"]["relation"] == "replied_to", "replied_to edge")

    if args.json:
        with open(args.json, encoding="utf-8") as f:
            data = json.load(f)
        h = nx.node_link_graph(data)
        check(h.is_directed(), "JSON graph not directed")
        check(set(h.nodes) == set(g.nodes), "JSON and GraphML nodes differ")
        # Both may hold two edges between one pair (a statement that mentions and
        # addresses the same person): compare the edges as multisets.
        def edge_list(graph):
            return sorted((u, v, d["relation"], d["weight"]) for u, v, d in graph.edges(data=True))
        check(edge_list(h) == edge_list(g), "JSON and GraphML edges differ")

    print(f"networkx {nx.__version__}: {g.number_of_nodes()} nodes {kinds}, "
          f"{g.number_of_edges()} edges")


if __name__ == "__main__":
    main()
