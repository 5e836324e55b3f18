// newsdocs: mount Pagefind's UI in Material's search dialog, once per page load.
(function () {
  function mount() {
    var element = document.getElementById("newsdocs-search");
    if (!element || element.dataset.ready || typeof PagefindUI === "undefined") return;
    element.dataset.ready = "1";
    new PagefindUI({ element: element, showSubResults: true, showImages: false });
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
