"""Loads quotegraph's GraphML with python-igraph and checks that every attribute is there.

usage: check_igraph.py FILE.graphml
"""
import sys

import igraph

NODE_ATTRIBUTES = {"kind", "label", "text", "cue", "speaker", "document", "date", "title",
                   "url", "publisher", "aliases", "roles", "confidence"}
EDGE_ATTRIBUTES = {"relation", "weight"}


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) != 2:
        fail("usage: check_igraph.py FILE.graphml")
    g = igraph.Graph.Read_GraphML(sys.argv[1])
    if not g.is_directed():
        fail("not directed")
    if g.vcount() == 0:
        fail("no vertices")
    missing = NODE_ATTRIBUTES - set(g.vs.attributes())
    if missing:
        fail(f"vertex attributes missing: {sorted(missing)}")
    if g.ecount() > 0:
        missing = EDGE_ATTRIBUTES - set(g.es.attributes())
        if missing:
            fail(f"edge attributes missing: {sorted(missing)}")
        # igraph reads GraphML ints as doubles; they must still be whole and positive.
        for w in g.es["weight"]:
            if not (isinstance(w, (int, float)) and w >= 1 and float(w).is_integer()):
                fail(f"bad weight {w!r}")
    for kind in g.vs["kind"]:
        if not isinstance(kind, str) or not kind:
            fail(f"bad kind {kind!r}")
    for c in g.vs["confidence"]:
        if not isinstance(c, float):
            fail(f"confidence {c!r} is not a number")
    print(f"igraph {igraph.__version__}: {g.vcount()} vertices, {g.ecount()} edges")


if __name__ == "__main__":
    main()
