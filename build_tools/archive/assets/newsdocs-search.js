// newsdocs: mount Pagefind's UI in Material's search dialog, once per page load.
// The plugin puts `var newsdocsBundles = [...]` (the bundles besides pagefind/) above this.
(function () {
  function mount() {
    var element = document.getElementById("newsdocs-search");
    if (!element || element.dataset.ready || typeof PagefindUI === "undefined") return;
    element.dataset.ready = "1";
    // The site's root, also when it is served from a subfolder (GitHub Pages).
    var root = typeof __md_scope !== "undefined" ? __md_scope : new URL(".", location);
    var base = root.pathname;
    var bundles = typeof newsdocsBundles !== "undefined" ? newsdocsBundles : [];
    // An entity record holds its name in "name", a tag its label in "topic"
    // (search.entity_record): weighed above an article's text, the page comes first for
    // its name; a person, place or organization before a topic of the same words.
    var ranking = { metaWeights: { title: 1, name: 10, topic: 5 } };
    new PagefindUI({
      element: element,
      baseUrl: base,
      bundlePath: new URL("pagefind/", root).pathname,
      mergeIndex: bundles.map(function (bundle) {
        return { bundlePath: new URL(bundle, root).pathname, baseUrl: base, ranking: ranking };
      }),
      ranking: ranking,
      showEmptyFilters: false,
      showSubResults: false,
      showImages: false,
    });
    // Pagefind names its box by a title only; a screen reader wants a label of its own.
    var box = element.querySelector("input");
    if (box) box.setAttribute("aria-label", box.title || "Search");
    var toggle = document.getElementById("__search");
    if (toggle) {
      toggle.addEventListener("change", function () {
        var input = element.querySelector("input");
        if (toggle.checked && input) setTimeout(function () { input.focus(); }, 50);
      });
    }
  }
  if (typeof document$ !== "undefined") document$.subscribe(mount);
  else document.addEventListener("DOMContentLoaded", mount);
})();
