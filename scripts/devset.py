#!/usr/bin/env python3
"""The real-news dev set: how its passages were drawn, and tools to annotate them.

The passages are drawn from the third-party corpus in `$ZHNEWS_SHARED/corpus/news-zh`
(else `../shared/corpus/news-zh`); the repository keeps only record ids, byte offsets
and the hand annotations (`corpus/dev/news.jsonl`), never the text.

    python3 scripts/devset.py draw > corpus/dev/passages.jsonl   # the draw (seed below)
    python3 scripts/devset.py show ID                            # a passage with byte offsets
    python3 scripts/devset.py find ID TEXT [N]                   # byte span of the Nth TEXT in ID
    python3 scripts/devset.py check corpus/dev/news.jsonl        # every offset and field checked
    python3 scripts/devset.py ner-text corpus/test corpus/test2  # the sets' passages as NER training text

`DEVSET_DIR=corpus/blind` (or `corpus/test`) makes every command work on a later set
instead, drawn the same way with its own seed and size (`LATER_SETS`), skipping every
record of the sets drawn before it and of `corpus/heldout/`.

How the draw works: records are grouped by source (the id prefix: cfn, finna, finqa, finnl,
sinatech). Each source's records are shuffled with `random.Random(SEED)`; the first
PER_SOURCE records holding a line with an Arabic digit (half- or full-width) and at least
MIN_CJK CJK characters are taken. A record of at most MAX_WHOLE characters (leading and
trailing blanks trimmed) is one passage; from a longer one such a line is drawn with the
same generator and, when longer than WINDOW characters, cut to whole sentences from a
sentence holding a digit up to about WINDOW characters.
"""
import glob
import json
import os
import random
import re
import sys

SEED = 20261201
PER_SOURCE = 13
MAX_WHOLE = 500
WINDOW = 400
# the sets drawn after the dev set, in order: directory, seed, passages per source
LATER_SETS = [("corpus/blind", 20261205, 6), ("corpus/test", 20261207, 8), ("corpus/test2", 20261211, 8), ("corpus/test3", 20261213, 8), ("corpus/test4", 20261215, 8), ("corpus/test5", 20261217, 8), ("corpus/test6", 20261219, 8)]
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SET_DIR = os.path.normpath(os.environ.get("DEVSET_DIR", os.path.join("corpus", "dev")))
LATER = [d for d, _, _ in LATER_SETS]
if SET_DIR in LATER:
    _, SEED, PER_SOURCE = LATER_SETS[LATER.index(SET_DIR)]
PASSAGES = os.path.join(ROOT, SET_DIR, "passages.jsonl")
SOURCES = ["cfn", "finna", "finqa", "finnl", "sinatech"]
DIGIT = re.compile(r"[0-9０-９]")
CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_CJK = 30
SENTENCE_END = re.compile(r"[。！？；!?]+[”’」』)）]*")


def shared():
    return os.environ.get("ZHNEWS_SHARED") or os.path.join(os.path.dirname(__file__), "..", "..", "shared")


def records():
    for path in sorted(glob.glob(os.path.join(shared(), "corpus", "news-zh", "part-*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)


CACHE = "/tmp/zhnews-devset-records-%s.json" % os.path.basename(SET_DIR)


def record(rid):
    """A record of the draw (read once from the corpus, then from a cache outside the repo)."""
    if not os.path.exists(CACHE):
        ids = {json.loads(line)["id"] for line in open(PASSAGES, encoding="utf-8")}
        drawn = {r["id"]: r for r in records() if r["id"] in ids}
        with open(CACHE + ".tmp", "w", encoding="utf-8") as f:
            json.dump(drawn, f, ensure_ascii=False)
        os.replace(CACHE + ".tmp", CACHE)
    with open(CACHE, encoding="utf-8") as f:
        drawn = json.load(f)
    if rid not in drawn:
        sys.exit(f"no record {rid} in the draw")
    return drawn[rid]


def char_to_byte(text, i):
    return len(text[:i].encode("utf-8"))


def paragraphs(text):
    """(start, end) char spans of lines holding a digit and at least MIN_CJK CJK characters."""
    spans, pos = [], 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if DIGIT.search(stripped) and len(CJK.findall(stripped)) >= MIN_CJK:
            lead = len(line) - len(line.lstrip())
            trail = len(line) - len(line.rstrip())
            spans.append((s + lead, e - trail))
    return spans


def sentences(text, s, e):
    out, pos = [], s
    for m in SENTENCE_END.finditer(text, s, e):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < e:
        out.append((pos, e))
    return out


def window(rng, text):
    stripped_start = len(text) - len(text.lstrip())
    stripped_end = len(text.rstrip())
    if stripped_end - stripped_start <= MAX_WHOLE:
        return stripped_start, stripped_end
    s, e = rng.choice(paragraphs(text))
    if e - s <= WINDOW:
        return s, e
    sents = sentences(text, s, e)
    starts = [i for i, (a, b) in enumerate(sents) if DIGIT.search(text[a:b])]
    i = rng.choice(starts)
    a, b = sents[i]
    j = i + 1
    while j < len(sents) and sents[j][1] - a <= WINDOW:
        b = sents[j][1]
        j += 1
    return a, b


def seen_ids():
    """Ids of the records of the sets drawn before this one."""
    earlier = ["corpus/dev"] + LATER[:LATER.index(SET_DIR)]
    paths = [d + "/passages.jsonl" for d in earlier] + ["corpus/heldout/entities.jsonl"]
    ids = set()
    for path in paths:
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            ids.update(json.loads(line)["id"] for line in f)
    return ids


def draw():
    skip = seen_ids() if SET_DIR in LATER else set()
    by_source = {s: [] for s in SOURCES}
    for r in records():
        if r["id"] not in skip:
            by_source[r["id"].split("-")[0]].append(r)
    rng = random.Random(SEED)
    for source in SOURCES:
        pool = by_source[source]
        rng.shuffle(pool)
        taken = 0
        for r in pool:
            text = r["text"]
            if not DIGIT.search(text) or not paragraphs(text):
                continue
            s, e = window(rng, text)
            print(json.dumps({"id": r["id"], "source": source, "date": r.get("date"),
                              "start": char_to_byte(text, s), "end": char_to_byte(text, e)},
                             ensure_ascii=False))
            taken += 1
            if taken == PER_SOURCE:
                break


def show(rid):
    r = record(rid)
    b = r["text"].encode("utf-8")
    for line in open(PASSAGES, encoding="utf-8"):
        p = json.loads(line)
        if p["id"] == rid:
            print(f"id {rid} date {r.get('date')} passage bytes {p['start']}..{p['end']}")
            print("title:", r.get("title"))
            passage = b[p["start"]:p["end"]].decode("utf-8")
            print(passage)
            print("--- context before the passage (last 300 chars):")
            print(b[:p["start"]].decode("utf-8")[-300:])
            return
    sys.exit(f"{rid} is not in passages.jsonl")


def find(rid, needle, nth=1):
    b = record(rid)["text"].encode("utf-8")
    n = needle.encode("utf-8")
    pos = -1
    for _ in range(nth):
        pos = b.find(n, pos + 1)
        if pos < 0:
            sys.exit(f"occurrence {nth} of {needle!r} not found")
    print(json.dumps({"text": needle, "start": pos, "end": pos + len(n)}, ensure_ascii=False))


KINDS = {"org", "person", "place", "product"}
QKINDS = {"money", "percent", "percentage_point", "count", "number", "ordinal", "multiple"}


def check_quantity(q, where):
    assert isinstance(q, dict), where
    assert q.get("kind") in QKINDS, f"{where}: kind {q.get('kind')}"
    assert ("value" in q) != ("low" in q and "high" in q), f"{where}: value or low/high"
    for k in ("value", "low", "high"):
        if k in q:
            assert isinstance(q[k], str) and re.fullmatch(r"-?\d+(\.\d*[1-9])?", q[k]), f"{where}: {k} {q[k]!r}"


def check(path):
    passages = {}
    for line in open(PASSAGES, encoding="utf-8"):
        p = json.loads(line)
        passages[p["id"]] = p
    texts = {r["id"]: r["text"].encode("utf-8") for r in records() if r["id"] in passages}
    n_claims = n_ents = 0
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        a = json.loads(line)
        rid = a["id"]
        p = passages[rid]
        b = texts[rid]
        def span(x, where):
            assert p["start"] <= x["start"] < x["end"] <= p["end"], f"{where}: span outside the passage"
            got = b[x["start"]:x["end"]].decode("utf-8")
            assert got == x["text"], f"{where}: text {x['text']!r} but bytes hold {got!r}"
        for e in a["entities"]:
            assert e["kind"] in KINDS, f"line {lineno}: kind {e['kind']}"
            span(e, f"line {lineno} entity {e['text']}")
            n_ents += 1
        for c in a["claims"]:
            where = f"line {lineno} claim {c.get('anchor', {}).get('text')}"
            span(c["anchor"], where)
            if c.get("value") is not None:
                check_quantity(c["value"], where)
            if c.get("change") is not None:
                ch = c["change"]
                assert ch.get("basis") in (None, "yoy", "qoq", "mom", "ytd"), where
                assert ch.get("direction") in ("up", "down"), where
                if ch.get("value") is not None:
                    check_quantity(ch["value"], where)
            assert c.get("value") is not None or c.get("change") is not None, f"{where}: neither value nor change"
            for k in c.get("alt", {}):
                assert k in ("subject", "metric", "period", "value", "change"), f"{where}: alt {k}"
            n_claims += 1
    print(f"ok: {lineno} records, {n_ents} entities, {n_claims} claims")


def ner_text(set_dirs):
    """Print each passage of `set_dirs` as a `train-ner` jsonl line: its text, and its
    organisations, persons and places with byte offsets into that text (products are left
    out: the model does not tag them). The text is read from the shared corpus, never kept."""
    order, wanted = [], {}
    for d in set_dirs:
        with open(os.path.join(ROOT, d, "passages.jsonl"), encoding="utf-8") as f:
            passages = [json.loads(line) for line in f]
        with open(os.path.join(ROOT, d, "news.jsonl"), encoding="utf-8") as f:
            annotations = [json.loads(line) for line in f]
        for p, a in zip(passages, annotations, strict=True):
            assert p["id"] == a["id"], (d, p["id"], a["id"])
            order.append((p["id"], p["start"]))
            wanted.setdefault(p["id"], []).append((p, a))
    lines = {}
    for r in records():
        for p, a in wanted.get(r["id"], []):
            b = r["text"].encode("utf-8")
            s, e = p["start"], p["end"]
            names = [{"kind": x["kind"], "start": x["start"] - s, "end": x["end"] - s}
                     for x in a["entities"]
                     if x["kind"] in ("org", "person", "place") and s <= x["start"] and x["end"] <= e]
            lines[(r["id"], s)] = json.dumps({"text": b[s:e].decode("utf-8"), "entities": names}, ensure_ascii=False)
    # in the order of the sets and their passages
    for key in order:
        print(lines[key])

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "draw":
        draw()
    elif cmd == "show":
        show(sys.argv[2])
    elif cmd == "find":
        find(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    elif cmd == "check":
        check(sys.argv[2])
    elif cmd == "ner-text":
        ner_text(sys.argv[2:])
    else:
        sys.exit(__doc__)
