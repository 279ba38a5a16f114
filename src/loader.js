// drug-leaflet.js: the one file a host page includes, as a classic script:
//   <script src=".../drug-leaflet.js" defer></script>
// It adds the leaflet's ES module (which loads the WebAssembly next to it and
// defines <drug-leaflet>) with its Subresource Integrity hash, so a changed
// file is refused, and starts fetching the WebAssembly at the same time (a
// preload with the same integrity, which the module's fetch then reuses), so a
// phone waits two round trips, not three. Including this script twice is harmless.
(function () {
  "use strict";
  var marker = "__drugLeafletLoader";
  if (window[marker]) {
    return;
  }
  window[marker] = true;
  var script = document.currentScript;
  var base = new URL(".", script && script.src ? script.src : document.baseURI);
  var wasm = document.createElement("link");
  wasm.rel = "preload";
  wasm.as = "fetch";
  wasm.href = new URL("drug-leaflet-core_bg.wasm", base).href;
  wasm.integrity = "__WASM_INTEGRITY__";
  wasm.crossOrigin = "anonymous";
  document.head.appendChild(wasm);
  var core = document.createElement("script");
  core.type = "module";
  core.src = new URL("drug-leaflet-core.js", base).href;
  core.integrity = "__CORE_INTEGRITY__";
  core.crossOrigin = "anonymous";
  core.onerror = function () {
    console.error(
      "drug-leaflet: could not load " +
        core.src +
        " (network error, a changed file that fails its integrity check, or a Content-Security-Policy " +
        "whose script-src does not allow it). Any fallback content inside <drug-leaflet> stays as it is."
    );
  };
  document.head.appendChild(core);
})();
