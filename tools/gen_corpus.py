#!/usr/bin/env python3
"""Writes N fictional news articles as JSONL with their gold quotes and speakers.

Every article is built from a small cast (full names introduced with a role, then
surnames and pronouns) and a mix of quoting patterns: trailing cue ("...," Dale said),
leading cue (Dale said: "..."), inverted cue ("...," said Dale), pronoun speakers,
appositives ("...," said Mara Quill, the harbour master), interrupted quotes ("...,"
she said. "..."), multi-paragraph continuations (no closing mark at the end of a
paragraph, an opening mark on the next), and scare quotes that nobody says (not in the
gold). The gold is in the format of ../shared/eval/score.py: byte offsets, half-open,
of the words between the marks, and the speaker mention as written.

Deterministic: the same --seed and --count give the same bytes. Standard library only.

Example:
  python3 tools/gen_corpus.py --count 1000 --seed 7 > /tmp/gen.gold.jsonl
  build/quotegraph extract /tmp/gen.gold.jsonl > /tmp/gen.pred.jsonl
  python3 ../shared/eval/score.py /tmp/gen.gold.jsonl /tmp/gen.pred.jsonl --names
"""
import argparse
import json
import random
import sys

FIRST = {
    "f": ["Mara", "Ines", "Helga", "Priya", "Odette", "Rosalind", "Wen", "Agathe", "Lucia",
          "Nadia", "Signe", "Tamsin", "Yara", "Beatrix", "Coral", "Dagny"],
    "m": ["Dale", "Tobias", "Emeka", "Ruben", "Anselm", "Corin", "Piet", "Lorcan", "Matteo",
          "Idris", "Bram", "Caspar", "Oren", "Fintan", "Gideon", "Hollis"],
}
LAST = ["Quill", "Harrowgate", "Okonjo", "Vasquez-Lind", "Brightwater", "Kettleby", "Marchetti",
        "Sandoval", "Thorsby", "Underhill", "Achterberg", "Pellworth", "Rookwood", "Castellane",
        "Dunmore", "Ferreira", "Galloway", "Ishikawa", "Lindqvist", "Moreau", "Nakashima",
        "Oyelaran", "Penhallow", "Strand", "Tregarthen", "Whitcombe", "Yilmaz", "Zielinski"]
ROLES = ["the harbour master", "a city councillor", "the ferry operator's chief engineer",
         "the head of the residents' association", "a marine biologist",
         "the regional transport minister", "the school's head teacher", "a local fisherman",
         "the mayor's spokesperson", "the union's regional secretary"]
TITLED = [("Mayor", None), ("Councillor", None), ("Dr.", None), ("Inspector", None)]
TOWNS = ["Millbrook", "Ashgrove", "Port Ellery", "Coldwater Bay", "Stonehaven", "Larkfield",
         "Westmere", "Brackenridge"]
TOPICS = ["the new ferry terminal", "the flood barrier", "the school bus route",
          "the harbour dredging", "the library closure", "the wind farm", "the market hall",
          "the night bus", "the river crossing", "the allotment waiting list"]
CUES = ["said", "said", "said", "said", "told reporters", "added", "explained", "warned",
        "insisted", "recalled"]
QUOTES = [
    "We have waited long enough for {topic}",
    "Nobody in {town} asked for this",
    "The numbers simply do not add up",
    "I have seen three of these plans come and go",
    "If we get this wrong, our children will pay for it",
    "It is the best thing to happen here in twenty years",
    "We will keep going until the work is done",
    "People deserve a straight answer about {topic}",
    "There is money for it, there always was",
    "This is not about politics, it is about safety",
    "I would be lying if I said I was not worried",
    "Everyone I talk to says the same thing",
    "The contract is signed and the crews start in May",
    "We owe it to the people of {town} to try",
]
SCARE = ["temporary", "consultation", "efficiency", "vision", "listening exercise"]
FILLER = [
    "The council meets again on Thursday.",
    "Work on {topic} was first proposed in 2019.",
    "Residents have until the end of the month to comment.",
    "The project is expected to cost about 4.2 million pounds.",
    "A public meeting is planned at the town hall in {town}.",
    "Similar schemes were tried in two neighbouring towns.",
]


class Article:
    """Builds the text and records quote and speaker offsets in UTF-8 bytes as it goes."""

    def __init__(self):
        self.parts = []
        self.size = 0
        self.quotes = []

    def add(self, s):
        start = self.size
        self.parts.append(s)
        self.size += len(s.encode("utf-8"))
        return start, self.size

    def quote(self, words, open_mark="“", close_mark="”"):
        """Adds open_mark + words + close_mark; returns the span of words and the gold entry."""
        self.add(open_mark)
        start, end = self.add(words)
        if close_mark:
            self.add(close_mark)
        q = {"start": start, "end": end, "text": words}
        self.quotes.append(q)
        return q

    @staticmethod
    def attribute(q, speaker, mention_span, cue):
        q["speaker"] = speaker
        q["speaker_start"], q["speaker_end"] = mention_span
        q["cue"] = cue

    def text(self):
        return "".join(self.parts)


def make_article(rng, n):
    town = rng.choice(TOWNS)
    topic = rng.choice(TOPICS)
    cast = []
    used = set()
    for _ in range(rng.randint(2, 4)):
        gender = rng.choice("fm")
        while True:
            first, last = rng.choice(FIRST[gender]), rng.choice(LAST)
            if last not in used:
                break
        used.add(last)
        cast.append({"first": first, "last": last, "gender": gender,
                     "role": rng.choice(ROLES), "title": rng.choice(TITLED)[0]
                     if rng.random() < 0.3 else None, "introduced": False})
    a = Article()
    fill = lambda s: s.format(town=town, topic=topic)  # noqa: E731
    a.add(f"{town} residents divided over {topic}\n\n")
    last_speaker = None
    for _ in range(rng.randint(4, 9)):
        p = cast[rng.randrange(len(cast))]
        full = f"{p['first']} {p['last']}"
        pron = "she" if p["gender"] == "f" else "he"
        words = fill(rng.choice(QUOTES))
        cue = rng.choice(CUES)
        pattern = rng.choice(["trailing", "leading", "inverted", "appositive", "interrupted",
                              "continuation", "pronoun", "scare"])
        if pattern == "pronoun" and last_speaker is not p:
            pattern = "trailing"
        if pattern == "scare":
            # Scare quotes: nobody says them, so they are not in the gold.
            a.add(f"The so-called “{rng.choice(SCARE)}” phase ended in March. ")
            a.add(fill(rng.choice(FILLER)) + "\n\n")
            continue
        # The first mention of a person is the full name (with a title or a role);
        # later ones are the surname.
        if not p["introduced"]:
            name = f"{p['title']} {full}" if p["title"] else full
            p["introduced"] = True
        else:
            name = p["last"]
        if pattern == "leading":
            span = a.add(name)
            a.add(f" {cue}: ")
            q = a.quote(words + ".")
            a.attribute(q, full, span, cue)
            a.add("\n\n")
        elif pattern in ("trailing", "pronoun"):
            q = a.quote(words + ",")
            a.add(" ")
            span = a.add(pron if pattern == "pronoun" else name)
            a.add(f" {cue}.\n\n")
            a.attribute(q, full, span, cue)
        elif pattern == "inverted":
            q = a.quote(words + ",")
            a.add(f" {cue} ")
            span = a.add(name)
            a.add(".\n\n")
            a.attribute(q, full, span, cue)
        elif pattern == "appositive":
            q = a.quote(words + ",")
            a.add(" said ")
            span = a.add(name)
            a.add(f", {p['role']}.\n\n")
            a.attribute(q, full, span, "said")
        elif pattern == "interrupted":
            q1 = a.quote(words + ",")
            a.add(" ")
            span = a.add(name)
            a.add(" said. ")
            q2 = a.quote(fill(rng.choice(QUOTES)) + ".")
            a.add("\n\n")
            a.attribute(q1, full, span, "said")
            a.attribute(q2, full, span, "said")
        elif pattern == "continuation":
            # Journalistic style: the first paragraph has no closing mark.
            q1 = a.quote(words + ",")
            a.add(" ")
            span = a.add(name)
            a.add(" said. ")
            q2 = a.quote(fill(rng.choice(QUOTES)) + ".", close_mark=None)
            a.add("\n\n")
            q3 = a.quote(fill(rng.choice(QUOTES)) + ".")
            a.add("\n\n")
            for q in (q1, q2, q3):
                a.attribute(q, full, span, "said")
        last_speaker = p
        if rng.random() < 0.5:
            a.add(fill(rng.choice(FILLER)) + "\n\n")
    text = a.text().rstrip("\n") + "\n"
    return {"id": f"gen-{n:07d}", "title": f"{town}: {topic}", "date": "2026-01-01",
            "text": text, "quotes": a.quotes}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=1000, help="number of articles")
    ap.add_argument("--seed", type=int, default=1, help="random seed")
    ap.add_argument("-o", "--output", default="-", help="output file, - for stdout")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        for n in range(args.count):
            out.write(json.dumps(make_article(rng, n), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
