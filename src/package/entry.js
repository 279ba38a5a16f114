// drug-leaflet.js: the npm package's ES module entry, for apps built with a
// bundler (Vite, webpack). `import "drug-leaflet"` defines <drug-leaflet>.
// The WASM's URL is a literal path relative to import.meta.url: bundlers see
// it, emit the file as an asset and put its final URL here. No integrity hash
// and no loader hand-off (those are dist/'s script-tag chain): the app's own
// build and server deliver these files.
import init, { defineElement as defineNow } from "./drug-leaflet-core.js";

const wasmUrl = new URL("./drug-leaflet-core_bg.wasm", import.meta.url);
let defined;

/**
 * Loads the WebAssembly (once) and defines <drug-leaflet>. Importing the
 * package already does; the promise tells when the element is defined, and a
 * call after a failure tries again.
 */
export function defineElement() {
  if (!defined) {
    defined = init({ module_or_path: wasmUrl }).then(
      () => defineNow(),
      (error) => {
        defined = undefined;
        console.error(
          "drug-leaflet: could not load or start " + wasmUrl.href + " (a missing file, a server that does not " +
            "send it as application/wasm, or a Content-Security-Policy: script-src needs 'wasm-unsafe-eval' and " +
            "connect-src must allow it). Any fallback content inside <drug-leaflet> stays as it is.",
          error,
        );
        throw error;
      },
    );
  }
  return defined;
}

// The import's side effect; a failure is already on the console.
defineElement().catch(() => {});
