"""A small map on a place's page: the country outlines around the place, its country
shaded and the place marked, as inline SVG made at build time (no script, no request).

The outlines are Natural Earth's 1:110m countries from the map's vendored world-atlas
TopoJSON (``assets/vendor/countries-110m.json``), decoded once per build. The view is an
equirectangular projection centred on the place (longitudes scaled by the cosine of its
latitude); a country is framed by its largest outline. Rings outside the view are left
out and the points of those kept are clamped to a margin around it, so a page carries a
few kilobytes, not the world.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from build_tools.archive.urls import escape

WORLD = Path(__file__).parent / "assets" / "vendor" / "countries-110m.json"
#: The map's size in CSS pixels, and the view around a place that is not a country.
WIDTH, HEIGHT = 240, 160
CITY_SPAN = 16.0  # degrees of longitude (scaled) across the map
#: A country's outline fills this share of the map at most; the widest view.
FILL = 0.8
MAX_SPAN = 100.0

Ring = list[tuple[float, float]]  # (longitude, latitude)


@dataclass(frozen=True)
class Country:
    numeric: str  # ISO 3166-1 numeric code, as world-atlas names its countries
    rings: tuple[Ring, ...]
    box: tuple[float, float, float, float]  # west, south, east, north of all rings
    main: tuple[float, float, float, float]  # the same for its largest ring


def _box(points: Ring) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


@functools.cache
def world() -> tuple[Country, ...]:
    """Every country of the vendored TopoJSON, its arcs decoded into rings of (lon, lat)."""
    topology = json.loads(WORLD.read_text(encoding="utf-8"))
    (scale_x, scale_y), (move_x, move_y) = (topology["transform"]["scale"],
                                            topology["transform"]["translate"])  # fmt: skip
    arcs: list[Ring] = []
    for arc in topology["arcs"]:  # delta-encoded, quantised positions
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)

    def ring(indexes: list[int]) -> Ring:
        points: Ring = []
        for number in indexes:  # ~n: arc n backwards; shared ends are given once
            arc = arcs[number] if number >= 0 else arcs[~number][::-1]
            points.extend(arc if not points else arc[1:])
        return _unwrapped(points)

    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind, parts = geometry.get("type"), geometry.get("arcs") or []
        polygons = [parts] if kind == "Polygon" else parts if kind == "MultiPolygon" else []
        rings = tuple(ring(indexes) for polygon in polygons for indexes in polygon)
        if not rings:
            continue
        largest = max(rings, key=lambda ring: _area(_box(ring)))
        every = [point for r in rings for point in r]
        countries.append(Country(str(geometry.get("id", "")), rings, _box(every), _box(largest)))
    return tuple(countries)


def _unwrapped(points: Ring) -> Ring:
    """A ring that crosses the date line (Fiji, the east of Russia) made continuous: each
    longitude within 180 degrees of the one before (179, 181), not a jump across the map."""
    if not points:
        return points
    shift, last = 0.0, points[0][0]
    result = []
    for lon, lat in points:
        if lon + shift - last > 180:
            shift -= 360
        elif lon + shift - last < -180:
            shift += 360
        last = lon + shift
        result.append((last, lat))
    return result


def _area(box: tuple[float, float, float, float]) -> float:
    west, south, east, north = box
    return (east - west) * (north - south)


def _numeric(alpha_2: str | None) -> str | None:
    if not alpha_2:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha_2.upper())
    return country.numeric if country else None


@functools.lru_cache(maxsize=4096)  # a live preview's next build draws the same maps
def place_map(name: str, latitude: float, longitude: float, country: str | None = None,
              is_country: bool = False) -> str:  # fmt: skip
    """The figure for a place's page: outlines around (latitude, longitude), the country
    (ISO 3166-1 alpha-2) shaded; a country is framed whole, a city with its neighbours.
    Kept for the process's next build (``mkdocs serve``): it depends on its arguments
    alone."""
    numeric = _numeric(country)
    own = next((c for c in world() if c.numeric == numeric), None) if numeric else None
    centre_lon, centre_lat = longitude, latitude
    span = CITY_SPAN
    if is_country and own is not None:
        west, south, east, north = own.main
        centre_lon, centre_lat = (west + east) / 2, (south + north) / 2
        cosine = max(0.2, math.cos(math.radians(centre_lat)))
        span = max(4.0, (east - west) * cosine / FILL, (north - south) * WIDTH / HEIGHT / FILL)
        span = min(span, MAX_SPAN)  # Russia, or an outline across the date line
    cosine = max(0.2, math.cos(math.radians(centre_lat)))
    scale = WIDTH / span  # pixels per (scaled) degree

    def project(lon: float, lat: float) -> tuple[float, float]:
        return ((lon - centre_lon) * cosine * scale + WIDTH / 2,
                (centre_lat - lat) * scale + HEIGHT / 2)  # fmt: skip

    # The view in degrees, with a margin: rings outside it are left out.
    half_lon, half_lat = WIDTH / 2 / scale / cosine, HEIGHT / 2 / scale
    view = (centre_lon - 1.5 * half_lon, centre_lat - 1.5 * half_lat,
            centre_lon + 1.5 * half_lon, centre_lat + 1.5 * half_lat)  # fmt: skip
    land, shaded = [], []
    for each in world():
        path = _path(each, view, project)
        if path:
            (shaded if each is own else land).append(path)
    x, y = project(longitude, latitude)
    where = f"Map: {name}"
    svg = (f'<svg role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"'
           f' aria-label="{escape(where)}">'
           f'<rect class="newsdocs-sea" width="{WIDTH}" height="{HEIGHT}"/>'
           f'<path class="newsdocs-land" d="{"".join(land)}"/>'
           f'<path class="newsdocs-land newsdocs-land--own" d="{"".join(shaded)}"/>')  # fmt: skip
    if not is_country:
        svg += f'<circle class="newsdocs-pin" cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
    return f'<figure class="newsdocs-placemap">{svg}</svg></figure>'


def _path(country: Country, view, project) -> str:
    """SVG path data of the country's rings that reach into view, their points clamped to
    the view (what lies beyond is off the map) and repeated points dropped."""
    west, south, east, north = view
    b = country.box
    if b[1] > north or b[3] < south:
        return ""
    parts = []
    centre = (west + east) / 2
    for ring in country.rings:
        rw, rs, re_, rn = _box(ring)
        turn = 360 * round((centre - (rw + re_) / 2) / 360)  # the copy nearest the view
        rw, re_ = rw + turn, re_ + turn
        if rw > east or re_ < west or rs > north or rn < south:
            continue
        if turn:
            ring = [(lon + turn, lat) for lon, lat in ring]
        points, last = [], None
        for lon, lat in ring:
            lon, lat = min(max(lon, west), east), min(max(lat, south), north)
            x, y = project(lon, lat)
            point = (round(x), round(y))  # a pixel is as fine as a 240-pixel map shows
            if point != last:
                points.append(point)
                last = point
        xs, ys = [x for x, _ in points], [y for _, y in points]
        if len(points) < 3 or max(xs) - min(xs) + max(ys) - min(ys) < 3:
            continue  # an island too small to see at this scale
        moves = [f"M{points[0][0]} {points[0][1]}l"]  # then each point from the last
        moves += [f"{x - px} {y - py}" for (px, py), (x, y) in pairwise(points)]
        parts.append(" ".join(moves).replace("l ", "l") + "z")
    return "".join(parts)
