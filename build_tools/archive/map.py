"""The map of places (``map/index.md``): every place with a page and coordinates, as a
circle sized by its article count on a world outline, each opening the place's page.

The page holds the data (JSON in a script element, escaped for HTML) and a plain list of
the same places; ``assets/newsdocs-map.js`` draws it with the vendored Leaflet and Natural
Earth outline (``assets/vendor/``): no tile server, no request to another host."""

from __future__ import annotations

import json

from build_tools.archive.index import EntityIndex
from build_tools.archive.lists import Generated, Page
from build_tools.archive.urls import Links, escape
from build_tools.gazetteer import gazetteer

MAP_URI = "map/index.md"
#: Files the map page needs, under the site's assets/ (from archive/assets/).
MAP_ASSETS = (
    "assets/newsdocs-map.js",
    "assets/vendor/leaflet.js",
    "assets/vendor/leaflet.css",
    "assets/vendor/topojson-client.min.js",
    "assets/vendor/countries-110m.json",
)


def map_places(index: EntityIndex, links: Links) -> list[dict]:
    """The places with a page and coordinates, most articles first: name, link from the
    map page, article count, latitude and longitude."""
    places = gazetteer()
    found = []
    for ref, appearances in index.of_kind("place"):
        if not index.has_page(ref):
            continue
        where = places.coordinates(ref.name)
        if where is None:
            continue
        found.append({"name": ref.name, "url": links.href(MAP_URI, ref.src_uri),
                      "count": len(appearances), "lat": where[0], "lon": where[1]})  # fmt: skip
    found.sort(key=lambda place: (-place["count"], place["name"]))
    return found


def map_page(index: EntityIndex, links: Links) -> Generated:
    places = map_places(index, links)
    page = Page("Map of places")
    page.add(f"<p>{len(places)} places with a page and a known position; the larger the"
             " circle, the more articles name the place. A country is marked at its"
             " capital.</p>")  # fmt: skip
    data = json.dumps(places, ensure_ascii=False).replace("<", "\\u003c").replace("&", "\\u0026")
    assets = links.href(MAP_URI, "assets/index.md").removesuffix("index.html").rstrip("/")
    page.add(f'<div id="newsdocs-map" class="newsdocs-map" data-assets="{escape(assets)}"'
             ' role="region" aria-label="Map of places"></div>'
             f'<script type="application/json" id="newsdocs-map-data">{data}</script>')  # fmt: skip
    page.heading(2, "Places on the map")
    page.items([f'<a href="{escape(p["url"])}">{escape(p["name"])}</a> ({p["count"]})'
                for p in places], "newsdocs-places", searched=False)  # fmt: skip
    return page.done()
