/* newsdocs: the filter box of the index pages, and the map of places (map/index.md),
   drawn with the site's own copy of Leaflet and of Natural Earth's country outlines: no
   tiles, no request to another host. Loaded on every page (a few hundred bytes until a
   page has a map or a filter), so that Material's instant navigation, which swaps pages
   without reloading scripts, runs it too. */
(function () {
  "use strict";

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) {
        element.setAttribute(name, attributes[name]);
      });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  var libraries = null;

  function draw() {
    var box = document.getElementById("newsdocs-map");
    var data = document.getElementById("newsdocs-map-data");
    if (!box || !data || box.dataset.drawn) return;
    box.dataset.drawn = "yes";
    var assets = box.dataset.assets;
    if (!libraries) {
      libraries = Promise.all([
        load("link", { rel: "stylesheet", href: assets + "/vendor/leaflet.css" }),
        load("script", { src: assets + "/vendor/leaflet.js" }),
        load("script", { src: assets + "/vendor/topojson-client.min.js" }),
      ]);
    }
    var places = JSON.parse(data.textContent);
    libraries
      .then(function () {
        return fetch(assets + "/vendor/countries-110m.json").then(function (r) {
          return r.json();
        });
      })
      .then(function (world) {
        var map = window.L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 8 });
        var land = window.topojson.feature(world, world.objects.countries);
        window.L.geoJSON(land, {
          style: { color: "#9e9e9e", weight: 0.6, fillColor: "#e8eaf0", fillOpacity: 1 },
          interactive: false,
        }).addTo(map);
        map.setView([30, 10], 2);
        var largest = places.length ? places[0].count : 1;
        places.forEach(function (place) {
          var radius = 3 + 14 * Math.sqrt(place.count / largest);
          var marker = window.L.circleMarker([place.lat, place.lon], {
            radius: radius, color: "#3f51b5", weight: 1, fillOpacity: 0.5,
            className: "newsdocs-marker",
          }).addTo(map);
          marker.bindTooltip(place.name + " (" + place.count + ")");
          marker.on("click", function () {
            window.location.href = place.url;
          });
          var path = marker.getElement && marker.getElement();
          if (path) {
            path.setAttribute("data-place", place.name);
            path.setAttribute("data-href", place.url);
          }
        });
        box.dataset.markers = String(places.length);
      })
      .catch(function (error) {
        box.textContent = "The map could not be drawn (" + error + "); the list below has every place.";
      });
  }

  // An index page's filter box: hides the names (and empty letter headings) that do not
  // contain what is typed. No server, no request.
  function filters() {
    document.querySelectorAll("input.newsdocs-filter").forEach(function (input) {
      if (input.dataset.ready) return;
      input.dataset.ready = "yes";
      var article = input.closest("article") || document;
      input.addEventListener("input", function () {
        var wanted = input.value.trim().toLowerCase();
        article.querySelectorAll("li").forEach(function (item) {
          item.hidden = wanted !== "" && item.textContent.toLowerCase().indexOf(wanted) < 0;
        });
      });
    });
  }

  function start() {
    draw();
    filters();
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(start); // Material: every page, instant navigation included
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
