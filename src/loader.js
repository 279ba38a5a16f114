// drug-leaflet.js: the one file a host page includes, as a classic script:
//   <script src=".../drug-leaflet.js" defer></script>
// It loads the WebAssembly module from its own folder and defines
// <drug-leaflet>. Including it twice is harmless.
(function () {
  "use strict";
  var marker = "__drugLeafletLoader";
  if (window[marker]) {
    return;
  }
  var script = document.currentScript;
  var base = new URL(".", script && script.src ? script.src : document.baseURI);
  window[marker] = import(new URL("drug-leaflet-core.js", base).href)
    .then(function (core) {
      return core
        .default({ module_or_path: new URL("drug-leaflet-core_bg.wasm", base) })
        .then(function () {
          core.defineElement();
        });
    })
    .catch(function (error) {
      console.error(
        "drug-leaflet: the leaflet could not start, so any fallback content inside <drug-leaflet> stays as it is. " +
          "If the page has a Content-Security-Policy, script-src needs 'wasm-unsafe-eval' and connect-src must allow " +
          base.href +
          ".",
        error
      );
    });
})();
