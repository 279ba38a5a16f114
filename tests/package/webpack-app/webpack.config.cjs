// A webpack 5 app as webpack-cli sets one up, with nothing added for the WASM:
// `new URL("./….wasm", import.meta.url)` in the package makes it an asset.
const path = require("node:path");
const { readFileSync } = require("node:fs");

module.exports = {
  mode: "production",
  context: __dirname,
  entry: "./main.js",
  output: {
    path: path.join(__dirname, "dist"),
    filename: "main.js",
    clean: true,
  },
  // The WASM (about 370 KiB) is over webpack's size hint; that is known.
  performance: { hints: false },
  plugins: [
    {
      // The page next to the script (what html-webpack-plugin would do).
      apply(compiler) {
        compiler.hooks.thisCompilation.tap("index.html", (compilation) => {
          compilation.hooks.processAssets.tap("index.html", () => {
            const html = readFileSync(path.join(__dirname, "index.html"));
            compilation.emitAsset("index.html", new compiler.webpack.sources.RawSource(html));
          });
        });
      },
    },
  ],
};
