// The measuring probe of `cargo xtask bench`, inlined at the top of every bench
// page's <head> (inline, so it adds no request to the waterfall it measures).
// It times the page's first section toggle, keeps the layout shifts and the
// WebAssembly memory, and offers the experiments the xtask runs through
// WebDriver as `window.__bench`. All times are ms since navigation start.
(function () {
  "use strict";
  // The widget remembers open sections per tab: every load starts from the defaults.
  sessionStorage.clear();

  var page = document.documentElement.dataset.benchPage;
  var query = new URLSearchParams(location.search);
  var settled = query.has("settled");
  // `?settled&open-two` (widget + fallback): two sections opened in the
  // fallback, the WASM held back until that is painted, then the layout shift
  // of the leaflet taking over.
  var openTwo = settled && query.has("open-two");
  var state = {
    shownAt: null,
    interactiveAt: null,
    upgradedAt: null,
    done: false,
    layoutShift: null,
    shiftBeforeUpgrade: null,
    wasmMemories: [],
  };
  var opened = null;

  // The core module's glue keeps its WebAssembly instance private; catching the
  // instance on its way out of these two calls is how the bench reads its memory.
  ["instantiateStreaming", "instantiate"].forEach(function (name) {
    var original = WebAssembly[name];
    if (typeof original !== "function") {
      return;
    }
    WebAssembly[name] = function () {
      var args = arguments;
      var start = opened ? opened.then(function () {
        return original.apply(WebAssembly, args);
      }) : original.apply(WebAssembly, args);
      return start.then(function (result) {
        var instance = result.instance || result;
        var memory = instance.exports && instance.exports.memory;
        if (memory instanceof WebAssembly.Memory) {
          state.wasmMemories.push(memory);
        }
        return result;
      });
    };
  });

  if (PerformanceObserver.supportedEntryTypes.indexOf("layout-shift") >= 0) {
    state.layoutShift = 0;
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (!entry.hadRecentInput) {
          state.layoutShift += entry.value;
        }
      });
    }).observe({ type: "layout-shift", buffered: true });
  }

  function postTask(callback) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () {
      callback();
    };
    channel.port2.postMessage(null);
  }

  // Resolves after the next frame's style, layout and paint: a task posted from
  // a requestAnimationFrame callback runs once that frame is rendered.
  function afterNextPaint() {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () {
        postTask(resolve);
      });
    });
  }

  // Clicks `target` at the start of a frame and resolves with the ms from the
  // click until a frame showing `watched`'s changed `attribute` was rendered.
  function inputToPaint(target, watched, attribute) {
    return new Promise(function (resolve) {
      requestAnimationFrame(function () {
        var before = watched.getAttribute(attribute);
        var start = performance.now();
        target.click();
        var settle = function () {
          if (watched.getAttribute(attribute) !== before) {
            resolve(performance.now() - start);
          } else {
            requestAnimationFrame(function () {
              postTask(settle);
            });
          }
        };
        postTask(settle);
      });
    });
  }

  // Clicks `target` and calls `then` with the time `watched`'s `attribute` changed.
  function clickAndTimeChange(target, watched, attribute, then) {
    var before = watched.getAttribute(attribute);
    var observer = new MutationObserver(function () {
      if (watched.getAttribute(attribute) !== before) {
        observer.disconnect();
        then(performance.now());
      }
    });
    observer.observe(watched, { attributes: true, attributeFilter: [attribute] });
    target.click();
  }

  // Two more frames, so the layout-shift observer has had its entries.
  function settle() {
    afterNextPaint()
      .then(afterNextPaint)
      .then(function () {
        state.done = true;
      });
  }

  // Paint timing entries arrive once a frame is presented, which can be a
  // frame or more after it was rendered on a slowed-down CPU.
  function whenContentfulPaint() {
    return new Promise(function (resolve) {
      var check = function () {
        if (performance.getEntriesByName("first-contentful-paint", "paint").length > 0) {
          resolve();
        } else {
          requestAnimationFrame(check);
        }
      };
      check();
    });
  }

  // What the page waits for before it is done: its toggles, timed.
  var pending = { interactive: page !== "lab", upgraded: page === "widget" || page === "widget-fallback" };

  function finishWhenMeasured() {
    if (pending.interactive || pending.upgraded) {
      return;
    }
    afterNextPaint()
      .then(whenContentfulPaint)
      .then(function () {
        state.done = true;
      });
  }

  function becameInteractive(at) {
    state.interactiveAt = at;
    pending.interactive = false;
    finishWhenMeasured();
  }

  // The widget's own first toggle: on the widget page, also the page's.
  function upgraded(at) {
    state.upgradedAt = at;
    pending.upgraded = false;
    if (page === "widget") {
      becameInteractive(at);
    } else {
      finishWhenMeasured();
    }
  }

  function leafletRoot() {
    var element = document.querySelector("drug-leaflet");
    return element && element.shadowRoot;
  }

  // The second section: the first is open at the start, so this click opens one.
  function sectionButton() {
    var root = leafletRoot();
    return root ? root.querySelectorAll(".section-button")[1] || null : null;
  }

  // The second section's disclosure in the page (the fallback or the baseline).
  function secondDetails() {
    return document.querySelectorAll("details[data-section-id]")[1];
  }

  // Runs `callback` once the document is parsed (before deferred scripts and
  // DOMContentLoaded): every <details> is there and toggles.
  function whenParsed(callback) {
    if (document.readyState !== "loading") {
      callback();
      return;
    }
    document.addEventListener("readystatechange", function parsed() {
      document.removeEventListener("readystatechange", parsed);
      callback();
    });
  }

  function toggleDetailsWhenParsed() {
    whenParsed(function () {
      var details = secondDetails();
      clickAndTimeChange(details.querySelector("summary"), details, "open", becameInteractive);
    });
  }

  // Checked every frame, so the click comes as soon as the button exists.
  function toggleWidgetWhenPresent() {
    var button = sectionButton();
    if (button) {
      clickAndTimeChange(button, button, "aria-expanded", upgraded);
    } else {
      requestAnimationFrame(toggleWidgetWhenPresent);
    }
  }

  // Opens the second and third sections of the fallback, and resolves once
  // that is painted, with the layout shift so far kept aside.
  function openTwoSections() {
    return new Promise(function (resolve) {
      whenParsed(function () {
        var sections = document.querySelectorAll("details[data-section-id]");
        sections[1].open = true;
        sections[2].open = true;
        afterNextPaint()
          .then(afterNextPaint)
          .then(function () {
            state.shiftBeforeUpgrade = state.layoutShift;
            resolve();
          });
      });
    });
  }

  if (openTwo) {
    opened = openTwoSections();
  }
  if (page === "widget" || page === "widget-fallback") {
    document.addEventListener(
      "drug-leaflet-ready",
      function () {
        state.shownAt = performance.now();
        if (settled) {
          settle();
        }
      },
      { once: true },
    );
    if (!settled) {
      requestAnimationFrame(toggleWidgetWhenPresent);
    }
  }
  if ((page === "widget-fallback" || page === "baseline") && !settled) {
    toggleDetailsWhenParsed();
  } else if (page === "baseline") {
    window.addEventListener("load", settle);
  }

  function latencyTarget(kind) {
    var root = leafletRoot();
    if (kind === "section") {
      var button = sectionButton();
      return { target: button, watched: button, attribute: "aria-expanded" };
    }
    if (kind === "show-all") {
      var showAll = root && root.querySelector(".show-all-button");
      return { target: showAll, watched: showAll, attribute: "aria-expanded" };
    }
    // The same click, until the last section's panel has opened or closed:
    // the sections out of sight open a frame after the click.
    if (kind === "show-all-last") {
      var panels = root ? root.querySelectorAll(".panel") : [];
      return {
        target: root && root.querySelector(".show-all-button"),
        watched: panels[panels.length - 1],
        attribute: "hidden",
      };
    }
    var details = secondDetails();
    return { target: details && details.querySelector("summary"), watched: details, attribute: "open" };
  }

  function lab() {
    return document.getElementById("lab");
  }

  // Resolves once `predicate()` holds, checked after every change in `root`.
  function until(root, predicate) {
    return new Promise(function (resolve) {
      if (predicate()) {
        resolve();
        return;
      }
      var observer = new MutationObserver(function () {
        if (predicate()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(root, { childList: true, subtree: true, attributes: true });
    });
  }

  // Replaces every `{ doc: from }` source reference in `value`; true if any.
  function renameDoc(value, from, to) {
    if (!value || typeof value !== "object") {
      return false;
    }
    var renamed = false;
    if (value.doc === from) {
      value.doc = to;
      renamed = true;
    }
    Object.keys(value).forEach(function (key) {
      renamed = renameDoc(value[key], from, to) || renamed;
    });
    return renamed;
  }

  // The Resource Timing entries from the `from`th on: path and sizes.
  function requestsSince(from) {
    return performance
      .getEntriesByType("resource")
      .slice(from)
      .map(function (entry) {
        return {
          path: new URL(entry.name).pathname,
          transferSize: entry.transferSize,
          encodedBodySize: entry.encodedBodySize,
          decodedBodySize: entry.decodedBodySize,
        };
      });
  }

  window.__bench = {
    result: function () {
      var navigation = performance.getEntriesByType("navigation")[0];
      var contentful = performance.getEntriesByName("first-contentful-paint", "paint")[0];
      return {
        done: state.done,
        firstContentfulPaint: contentful ? contentful.startTime : null,
        shown: state.shownAt,
        interactive: state.interactiveAt,
        upgraded: state.upgradedAt,
        // Only without the toggle click: opening a section moves what is below it.
        layoutShift: settled ? state.layoutShift : null,
        upgradeShift: openTwo && state.layoutShift !== null && state.shiftBeforeUpgrade !== null
          ? state.layoutShift - state.shiftBeforeUpgrade : null,
        documentEnd: navigation ? navigation.responseEnd : 0,
        resources: performance.getEntriesByType("resource").map(function (entry) {
          return { name: entry.name, start: entry.startTime, end: entry.responseEnd };
        }),
      };
    },

    // Bytes of WebAssembly linear memory (null before the module started).
    wasmMemoryBytes: function () {
      if (state.wasmMemories.length === 0) {
        return null;
      }
      return state.wasmMemories.reduce(function (sum, memory) {
        return sum + memory.buffer.byteLength;
      }, 0);
    },

    // `count` input-to-paint latencies of "section", "show-all", "show-all-last" or "details".
    latencies: async function (kind, count) {
      var target = latencyTarget(kind);
      if (!target.target) {
        throw new Error("nothing to click for " + kind);
      }
      var samples = [];
      for (var i = 0; i < count; i += 1) {
        samples.push(await inputToPaint(target.target, target.watched, target.attribute));
      }
      return samples;
    },

    defined: function () {
      return customElements.whenDefined("drug-leaflet");
    },

    clear: function () {
      lab().replaceChildren();
    },

    // Adds `count` leaflets at once; ms until each has rendered and been painted.
    mount: async function (count) {
      var container = lab();
      var ready = 0;
      var allReady = new Promise(function (resolve) {
        container.addEventListener("drug-leaflet-ready", function onReady() {
          ready += 1;
          if (ready === count) {
            container.removeEventListener("drug-leaflet-ready", onReady);
            resolve();
          }
        });
      });
      var start = performance.now();
      var fragment = document.createDocumentFragment();
      for (var i = 0; i < count; i += 1) {
        fragment.append(document.createElement("drug-leaflet"));
      }
      container.append(fragment);
      await allReady;
      await afterNextPaint();
      return performance.now() - start;
    },

    // Shows the mounted leaflet's monograph with its sections repeated to
    // `sectionCount`; ms until they are rendered and painted. Each copy gets
    // unique ids, and its own copy of any announcement source (the rules let
    // an announcement back one fact only).
    longMonograph: async function (sectionCount) {
      var element = lab().querySelector("drug-leaflet");
      var monograph = element.monograph;
      var original = monograph.sections;
      var announcements = monograph.sources.filter(function (source) {
        return source.kind === "announcement";
      });
      var sections = [];
      for (var i = 0; sections.length < sectionCount; i += 1) {
        var section = structuredClone(original[i % original.length]);
        var round = Math.floor(i / original.length);
        if (round > 0) {
          section.id = section.id + "-" + round;
          // A term is defined once per leaflet: copies get their own terms.
          section.blocks.forEach(function (block) {
            if (block.kind === "definitions") {
              block.items.forEach(function (item) {
                item.term = item.term + " " + round;
              });
            }
          });
          announcements.forEach(function (source) {
            var copy = source.id + "-" + round;
            var cited = renameDoc(section, source.id, copy);
            var declared = monograph.sources.some(function (declaredSource) {
              return declaredSource.id === copy;
            });
            if (cited && !declared) {
              monograph.sources.push(Object.assign({}, source, { id: copy }));
            }
          });
        }
        sections.push(section);
      }
      monograph.sections = sections;
      var problems = null;
      element.addEventListener("drug-leaflet-error", function (event) {
        problems = event.detail.problems;
      });
      var start = performance.now();
      element.monograph = monograph;
      if (problems) {
        throw new Error("the long monograph was refused: " + JSON.stringify(problems));
      }
      await until(element.shadowRoot, function () {
        return element.shadowRoot.querySelectorAll(".section-button").length >= sectionCount;
      });
      await afterNextPaint();
      return performance.now() - start;
    },

    // Every file the page has requested, with its sizes (Resource Timing).
    requests: function () {
      return requestsSince(0);
    },

    // Adds a leaflet with `drug="<drug>"` to a page that already shows one:
    // ms from the attribute set to its `drug-leaflet-ready`, and the files
    // requested meanwhile.
    onDemand: async function (drug) {
      var before = performance.getEntriesByType("resource").length;
      var element = document.createElement("drug-leaflet");
      var shown = new Promise(function (resolve, reject) {
        element.addEventListener("drug-leaflet-ready", resolve, { once: true });
        element.addEventListener("drug-leaflet-error", function (event) {
          reject(new Error(drug + " was refused: " + JSON.stringify(event.detail.problems)));
        });
      });
      var start = performance.now();
      element.setAttribute("drug", drug);
      lab().append(element);
      var ready = await shown;
      var elapsed = performance.now() - start;
      if (ready.detail.drug !== drug) {
        throw new Error("drug-leaflet-ready came for " + ready.detail.drug + ", not " + drug);
      }
      // Resource Timing entries are queued: a frame later, every fetch the
      // leaflet made is listed.
      await afterNextPaint();
      return { elapsed: elapsed, requests: requestsSince(before) };
    },

    // Adds a leaflet, waits until it rendered, removes it; `count` times. Total ms.
    cycles: async function (count) {
      var container = lab();
      var start = performance.now();
      for (var i = 0; i < count; i += 1) {
        var element = document.createElement("drug-leaflet");
        var ready = new Promise(function (resolve) {
          element.addEventListener("drug-leaflet-ready", resolve, { once: true });
        });
        container.append(element);
        await ready;
        element.remove();
      }
      return performance.now() - start;
    },
  };
})();
