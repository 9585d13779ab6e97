#!/usr/bin/env python3
"""Derives the entity model's lexicon feature lists (data/entity/derived/)
from the open-licence name lists in $ZHNEWS_SHARED/data/lexicon-sources
(see that folder's README for sources and licences; the attribution is in
data/entity/derived/README.md).

Each output is one name per line, sorted, deduplicated, filtered:
- ashare.txt: A-share short names (code.csv), full-width folded, inner
  spaces removed, `ST`/`*ST` prefixes and trailing share classes (`A`, `B`)
  dropped;
- org.txt: HanLP organisation names of 2 to 20 characters seen at least
  twice (frequency column), CJK or Latin only;
- person.txt: HanLP Chinese person names (`nr`) of 2 to 4 characters;
- translit.txt: HanLP transliterated names, 2 to 12 characters, `·`-parts
  kept whole;
- place.txt: THUOCL place names of 2 to 8 characters with document
  frequency >= 50, and HanLP place names of 2 to 6 characters ending in an
  administrative suffix.

Run: python3 scripts/derive_lexicons.py  (rewrites the files).
"""
import csv
import os
import re
import unicodedata

SHARED = os.environ.get("ZHNEWS_SHARED", os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
SRC = os.path.join(SHARED, "data", "lexicon-sources")
OUT = os.path.join(os.path.dirname(__file__), "..", "data", "entity", "derived")
NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z·]+$")


def fold(s):
    return unicodedata.normalize("NFKC", s).replace(" ", "").strip()


def write(name, words):
    words = sorted({w for w in words if w})
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for w in words:
            f.write(w + "\n")
    print(name, len(words))


def ashare():
    out = set()
    with open(os.path.join(SRC, "a-share", "code.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            n = fold(row["short_name"])
            n = re.sub(r"^\*?ST", "", n)
            n = re.sub(r"(?<=[\u4e00-\u9fff])[AB]股?$", "", n)
            if len(n) >= 2 and NAME.match(n):
                out.add(n)
    return out


def hanlp(file, tags, lo, hi, min_freq=1):
    out = set()
    with open(os.path.join(SRC, "hanlp-1.x", file), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3 or parts[1] not in tags:
                continue
            n = fold(parts[0])
            if lo <= len(n) <= hi and NAME.match(n) and int(parts[2]) >= min_freq:
                out.add(n)
    return out


def lines(path):
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            yield line.rstrip("\r\n")


def translit():
    out = set()
    for line in lines(os.path.join(SRC, "hanlp-1.x", "transliterated-names.txt")):
        n = fold(line)
        if 2 <= len(n) <= 12 and NAME.match(n):
            out.add(n)
    return out


def places():
    out = set()
    for line in lines(os.path.join(SRC, "thuocl", "THUOCL_diming.txt")):
        parts = line.split()
        if len(parts) == 2 and 2 <= len(parts[0]) <= 8 and NAME.match(parts[0]) and parts[1].isdigit() and int(parts[1]) >= 50:
            out.add(parts[0])
    for line in lines(os.path.join(SRC, "hanlp-1.x", "place-names.txt")):
        n = fold(line)
        if 2 <= len(n) <= 6 and NAME.match(n) and n[-1] in "省市县区州国洲":
            out.add(n)
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    write("ashare.txt", ashare())
    write("org.txt", hanlp("org-names.txt", {"nt"}, 2, 20, min_freq=2))
    write("person.txt", hanlp("person-names.txt", {"nr"}, 2, 4))
    write("translit.txt", translit() | hanlp("person-names.txt", {"nrf"}, 2, 12))
    write("place.txt", places())


if __name__ == "__main__":
    main()
