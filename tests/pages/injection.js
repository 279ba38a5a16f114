// The injection test's page side (tests/e2e/injection.rs): places each payload
// of tests/fixtures/injection-vectors.json where a host, a link or another
// script can put text, clicks everything, and reports what it finds.
window.__pwnedCalls = [];
// Every payload that ran would call this.
window.__pwned = function (where) {
  window.__pwnedCalls.push(String(where));
};
window.__notes = [];
["info", "warn", "error"].forEach(function (kind) {
  var original = console[kind];
  console[kind] = function () {
    window.__notes.push(kind + ": " + Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
});

window.__injection = (function () {
  // Fields whose text a rule holds to a form (ids, dates, kinds, language,
  // source references): a payload there is refused. All others are shown.
  var STRICT = ["id", "language", "last_updated", "based_on", "jurisdiction", "compiled", "date", "revised",
    "kind", "rights", "doc"];
  // A sign-off's texts are places the rules check too.
  function strict(path) {
    return STRICT.indexOf(path[path.length - 1]) >= 0 || path[path.length - 2] === "texts";
  }
  var SCHEMES = /^(#|https:|http:|tel:|mailto:)/i;
  var URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"];
  var baseline = null;
  var small = null;

  function leaflet() {
    return document.getElementById("under-test");
  }
  function pause(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms || 0); });
  }
  async function settle() {
    for (var i = 0; i < 3; i++) await pause();
    await new Promise(function (resolve) { requestAnimationFrame(function () { resolve(); }); });
  }
  function paths(value, path, out) {
    if (typeof value === "string") out.push(path);
    else if (value && typeof value === "object") {
      Object.keys(value).forEach(function (key) { paths(value[key], path.concat([key]), out); });
    }
    return out;
  }
  function setPath(object, path, value) {
    var parent = path.slice(0, -1).reduce(function (o, k) { return o[k]; }, object);
    parent[path[path.length - 1]] = value;
  }
  function copy() {
    return JSON.parse(JSON.stringify(small));
  }

  // What the leaflet shows in its shadow root, against what it may show.
  function audit(host, expectedTexts) {
    var findings = [];
    var root = host.shadowRoot;
    if (!root) return ["no shadow root"];
    root.querySelectorAll("*").forEach(function (el) {
      var tag = el.tagName.toLowerCase();
      if (!baseline.tags.has(tag)) findings.push("element <" + tag + ">");
      Array.prototype.forEach.call(el.attributes, function (a) {
        if (/^on/i.test(a.name)) findings.push("attribute " + a.name + " on <" + tag + ">");
        else if (!baseline.attributes.has(a.name)) findings.push("attribute " + a.name + " on <" + tag + ">");
        if (URL_ATTRIBUTES.indexOf(a.name) >= 0 && !SCHEMES.test(a.value)) {
          findings.push(a.name + "=" + JSON.stringify(a.value.slice(0, 60)) + " on <" + tag + ">");
        }
      });
    });
    var text = root.textContent;
    expectedTexts.forEach(function (expected) {
      if (text.indexOf(expected) < 0) findings.push("not shown as text: " + JSON.stringify(expected.slice(0, 60)));
    });
    return findings;
  }

  // Clicks every button and in-leaflet link (tel: links would leave the page;
  // their href is audited), then lets anything that was scheduled run.
  async function clickAll(host) {
    host.shadowRoot.querySelectorAll("button, a[href^='#']").forEach(function (el) { el.click(); });
    await settle();
    await pause(20);
  }

  function learn(host, into) {
    host.shadowRoot.querySelectorAll("*").forEach(function (el) {
      into.tags.add(el.tagName.toLowerCase());
      Array.prototype.forEach.call(el.attributes, function (a) { into.attributes.add(a.name); });
    });
  }

  function showing(host) {
    return host.shadowRoot.querySelector("[role='alert']") ? "refused" : "shown";
  }

  return {
    // Learns the tags and attributes the leaflet itself uses (the bundled
    // leaflet, the small monograph and an alert), with nothing injected.
    start: async function (smallMonograph) {
      small = smallMonograph;
      var host = leaflet();
      baseline = { tags: new Set(), attributes: new Set() };
      learn(host, baseline);
      host.monograph = copy();
      await settle();
      learn(host, baseline);
      host.monograph = 42;
      await settle();
      learn(host, baseline);
      host.monograph = copy();
      await settle();
      return {
        tags: Array.from(baseline.tags).sort(),
        attributes: Array.from(baseline.attributes).sort(),
        strict: paths(small, [], []).filter(strict).length,
        free: paths(small, [], []).filter(function (p) { return !strict(p); }).length,
      };
    },

    // The payload in every shown text field at once (each with its own
    // suffix, so terms and headings stay distinct), and as the shown words
    // of a [[...|Term]] link.
    inTextFields: async function (vector) {
      var host = leaflet();
      var monograph = copy();
      var expected = [];
      var placed = 0;
      var term = null;
      paths(small, [], []).forEach(function (path, i) {
        var key = path[path.length - 1];
        // The urgent item holds the [[...|Term]] link, set below.
        if (strict(path) || path.join(".") === "summary.0.items.0.text") return;
        var text = vector + " (" + i + ")";
        setPath(monograph, path, text);
        placed++;
        if (key === "term") term = text;
        expected.push(text);
      });
      monograph.summary[0].items[0].text = "[[" + vector + "|" + term + "]] (link)";
      placed++;
      host.monograph = monograph;
      await settle();
      var outcome = showing(host);
      // Shown, every placed text is in the leaflet verbatim, the link's words too.
      var findings = audit(host, outcome === "shown" ? expected.concat([vector]) : []);
      await clickAll(host);
      findings = findings.concat(audit(host, []));
      return { placed: placed, outcome: outcome, findings: findings };
    },

    // The payload in each field a rule holds to a form, one at a time: each
    // must be refused, with the alert as text.
    inStrictFields: async function (vector) {
      var host = leaflet();
      var findings = [];
      var placed = 0;
      var strictPaths = paths(small, [], []).filter(strict);
      for (var i = 0; i < strictPaths.length; i++) {
        var monograph = copy();
        setPath(monograph, strictPaths[i], vector);
        host.monograph = monograph;
        await settle();
        placed++;
        if (showing(host) !== "refused") findings.push("accepted in " + strictPaths[i].join("."));
        findings = findings.concat(audit(host, []));
      }
      host.monograph = copy();
      await settle();
      return { placed: placed, findings: findings };
    },

    // The payload as the value of each attribute the element observes.
    inAttributes: async function (vector, names) {
      var host = leaflet();
      var findings = [];
      for (var i = 0; i < names.length; i++) {
        host.setAttribute(names[i], vector);
        await settle();
        findings = findings.concat(audit(host, []));
        await clickAll(host);
        host.removeAttribute(names[i]);
        await settle();
      }
      host.monograph = copy();
      await settle();
      return { placed: names.length, findings: findings };
    },

    // The payload as the page's URL fragment: ignored, with one note.
    inFragment: async function (vector) {
      var host = leaflet();
      location.hash = "top";
      await settle();
      var notesBefore = window.__notes.length;
      var before = location.hash;
      var changed = new Promise(function (resolve) {
        window.addEventListener("hashchange", resolve, { once: true });
        setTimeout(resolve, 1000);
      });
      location.hash = vector;
      await changed;
      await settle();
      var notes = window.__notes.slice(notesBefore);
      var findings = audit(host, []);
      if (location.hash !== before) {
        var fragmentNotes = notes.filter(function (n) { return n.indexOf("URL fragment") >= 0; });
        if (fragmentNotes.length !== 1) findings.push(fragmentNotes.length + " notes about the fragment " + JSON.stringify(location.hash.slice(0, 60)));
      }
      return { placed: 1, findings: findings, notes: notes };
    },

    // The payload as the sessionStorage entry a new leaflet reads back:
    // ignored (the first section stays the open one), with one note.
    inStorage: async function (vector, key) {
      sessionStorage.setItem(key, vector);
      var notesBefore = window.__notes.length;
      var probe = document.createElement("drug-leaflet");
      var ready = new Promise(function (resolve) {
        probe.addEventListener("drug-leaflet-ready", resolve, { once: true });
        setTimeout(resolve, 3000);
      });
      document.body.appendChild(probe);
      await ready;
      await settle();
      var notes = window.__notes.slice(notesBefore);
      var findings = audit(probe, []);
      var open = Array.prototype.map.call(
        probe.shadowRoot.querySelectorAll(".section-button[aria-expanded='true']"),
        function (b) { return b.closest("[data-section-id]").getAttribute("data-section-id"); });
      if (open.length !== 1) findings.push("open after a forged entry: " + open.join(","));
      var storageNotes = notes.filter(function (n) { return n.indexOf("sessionStorage") >= 0; });
      if (storageNotes.length !== 1) findings.push(storageNotes.length + " notes about the entry");
      await clickAll(probe);
      findings = findings.concat(audit(probe, []));
      probe.remove();
      sessionStorage.removeItem(key);
      return { placed: 1, findings: findings, notes: notes };
    },
  };
})();
