// drug-leaflet.js: the one file a host page includes, as a classic script:
//   <script src=".../drug-leaflet.js" defer></script>
// It adds the leaflet's ES module (which loads the WebAssembly next to it and
// defines <drug-leaflet>) with its Subresource Integrity hash, so a changed
// file is refused, and starts fetching the WebAssembly (with its integrity) at
// the same time, handing the response to the module, so a phone waits two
// round trips, not three; so does the data file of each drug the page names
// that is not in the WASM. Including this script twice is harmless. The module
// takes the fetch from `window.__drugLeafletLoader.wasm`: like any script on
// the page, a script that set that first would be trusted.
(function () {
  "use strict";
  var marker = "__drugLeafletLoader";
  // An own property only: `<a id="__drugLeafletLoader">` in the page (named
  // access on window) must not pass for this script having run.
  if (Object.prototype.hasOwnProperty.call(window, marker)) {
    return;
  }
  window[marker] = {};
  // A link to a section (`#dosing`) opens it in a fallback pasted inside
  // <drug-leaflet> (a native disclosure), before the leaflet, which follows
  // such links itself, can. Section ids are slugs: compared as text.
  function openLinkedSection() {
    var sections = document.querySelectorAll("drug-leaflet details[data-section-id]");
    for (var i = 0; i < sections.length; i++) {
      if ("#" + sections[i].getAttribute("data-section-id") === location.hash) {
        sections[i].open = true;
        sections[i].scrollIntoView();
      }
    }
  }
  openLinkedSection();
  addEventListener("hashchange", openLinkedSection);
  var script = document.currentScript;
  var base = new URL(".", script && script.src ? script.src : document.baseURI);
  linkPrintStylesheet();
  var core = document.createElement("script");
  core.type = "module";
  try {
    core.src = scriptUrl(new URL("drug-leaflet-core.js", base).href);
  } catch (error) {
    console.error(
      "drug-leaflet: this page enforces Trusted Types and its Content-Security-Policy does not allow " +
        "the policy \"drug-leaflet\": add it to the trusted-types directive (trusted-types drug-leaflet). " +
        "Any fallback content inside <drug-leaflet> stays as it is.",
      error
    );
    return;
  }
  // A <link rel=preload> would do, but Firefox and WebKit do not hand it to the
  // module's fetch and download the file twice; a promise always works.
  // Without WebAssembly, nothing: the module shows each drug's text version.
  var wasm = window.WebAssembly && fetch(new URL("drug-leaflet-core_bg.wasm", base).href, { integrity: "__WASM_INTEGRITY__" });
  // A failure is reported by the module, which awaits this same promise.
  wasm && wasm.catch(function () {});
  window[marker].wasm = wasm;
  // Drugs that are not bundled and that the page already names: their data
  // files start now too, beside the WASM rather than after it. The element
  // takes each fetch from here, by URL and integrity as it keys its own.
  // Only ids and hashes the element itself would accept (it checks them
  // again): no URL from anything else, no request a browser would not pin.
  var drugs = {};
  var named = document.querySelectorAll("drug-leaflet[drug]");
  for (var i = 0; i < named.length; i++) {
    var id = named[i].getAttribute("drug").trim();
    var integrity = (named[i].getAttribute("integrity") || "").trim();
    var hashes = integrity.split(/\s+/);
    var pinned = hashes.every(function (hash) {
      return /^sha(256-[A-Za-z0-9+/]{43}=|384-[A-Za-z0-9+/]{64}|512-[A-Za-z0-9+/]{86}==)$/.test(hash);
    });
    if (wasm && id.length <= 100 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && __BUNDLED_DRUGS__.indexOf(id) < 0 && (!integrity || pinned)) {
      // With a `lang`, its leaflet in that language, as the element asks.
      var language = named[i].lang.trim().toLowerCase().split("-")[0];
      var url = new URL("monographs/" + id + (/^[a-z]{2,3}$/.test(language) ? "." + language : "") + ".json", base).href;
      if (!drugs[url + " " + integrity]) {
        drugs[url + " " + integrity] = fetch(url, integrity ? { integrity: integrity } : {});
        drugs[url + " " + integrity].catch(function () {});
      }
    }
  }
  window[marker].drugs = drugs;
  core.integrity = "__CORE_INTEGRITY__";
  core.crossOrigin = "anonymous";
  // The module is what shows each element's link to its text version (it has
  // the words and the element): when it does not load (a broken deployment,
  // which this line names, or a browser without modules, hence mostly without
  // custom elements too), only what the host pasted shows.
  core.onerror = function () {
    console.error(
      "drug-leaflet: could not load " +
        core.src +
        " (network error, a changed file that fails its integrity check, or a Content-Security-Policy " +
        "whose script-src does not allow it). Any fallback content inside <drug-leaflet> stays as it is."
    );
  };
  document.head.appendChild(core);

  // A pasted fallback prints its closed sections with this stylesheet. The
  // snippet links it inside <noscript>, for readers without scripts: a request
  // made while the page is parsed delays the moment its sections toggle. With
  // scripts, this links it once parsing is done, so printing before the
  // leaflet takes over, or without WebAssembly, still shows every section.
  function linkPrintStylesheet() {
    // Loaded without `defer`, this may run before the fallback is parsed.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", linkPrintStylesheet);
      return;
    }
    // Linked already by the host (as older snippets did), or nothing to print.
    if (
      document.querySelector('link[href$="/drug-leaflet-fallback.css"]') ||
      !document.querySelector("drug-leaflet details[data-section-id]")
    ) {
      return;
    }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.media = "print";
    link.integrity = "__PRINT_STYLESHEET_INTEGRITY__";
    link.crossOrigin = "anonymous";
    // A page whose style-src allows a nonce gives its scripts the same one.
    link.nonce = (script && script.nonce) || "";
    link.href = new URL("drug-leaflet-fallback.css", base).href;
    document.head.appendChild(link);
  }

  // Under Trusted Types (`require-trusted-types-for 'script'`) a script's src
  // must be a TrustedScriptURL: the policy "drug-leaflet" makes one for this
  // one URL and nothing else. The page's CSP must list it:
  // `trusted-types drug-leaflet`.
  function scriptUrl(url) {
    if (!window.trustedTypes || !window.trustedTypes.createPolicy) {
      return url;
    }
    try {
      return window.trustedTypes
        .createPolicy("drug-leaflet", {
          createScriptURL: function (requested) {
            if (requested !== url) {
              throw new TypeError("drug-leaflet: the drug-leaflet policy only loads " + url);
            }
            return requested;
          },
        })
        .createScriptURL(url);
    } catch (error) {
      // Names restricted but not enforced: the plain URL still works; enforced:
      // assigning it fails, and the caller says why.
      return url;
    }
  }
})();
