// The <drug-leaflet> custom element. A class that extends HTMLElement cannot be
// written in Rust, so this thin shell forwards its lifecycle, attributes,
// property and methods to the WASM side: `mount(host, monographInput)` builds
// the leaflet in the host's shadow root and returns a handle.
//
// Every leaflet on a page shares one WASM instance, and a Rust panic traps it
// (`RuntimeError: unreachable`, nothing printed: dist builds std with
// immediate-abort). After a trap nothing in it can be trusted, so the first
// exception out of the WASM marks it crashed, and every leaflet shows what the
// host pasted inside it (or where to get the printed leaflet), announced once.
// When the WASM cannot start at all (no WebAssembly, a CSP without
// 'wasm-unsafe-eval', a file that did not arrive), `startFailed` defines the
// element anyway and each one shows what the host pasted inside it, as it is,
// or a link to its drug's text version (dist/'s fallback HTML).
// Whole-line comments here are left out of dist/.

// Whether the instance crashed, and the exception that did it.
let crashed = false;
let crashError;
const connected = new Set();
// The bundled drugs' ids, once the WASM could not start.
let notStarted;
// [element, action] under way, for the crash's console line; cleared once
// the task (and the renders it scheduled) is over.
let current;

const WORDS = {
  en: ["The leaflet stopped working.", "This leaflet could not be shown. Ask your pharmacist for the printed leaflet for ", "this medicine", "Open the text version of this leaflet", "leaflet"],
  es: ["El prospecto dejó de funcionar.", "No se pudo mostrar este prospecto. Pida a su farmacéutico el prospecto impreso de ", "este medicamento", "Abrir la versión en texto de este prospecto", "prospecto"],
};

// The element's own words: Spanish for any `es` tag (`es-ES`, `es-419`), as the leaflet's.
function wordsOf(element) {
  return WORDS[/^es(-|$)/i.test(element.getAttribute("lang") || "") ? "es" : "en"];
}

// Each leaflet's name, which its landmarks (the summary boxes, named
// "<heading> <name>" through aria-labelledby) end with, so that every
// landmark on the page has a name of its own: the element's `label`; without
// one its title, and from the second leaflet with that title, in document
// order, "<title>, leaflet 2", "..., leaflet 3". Given again whenever a
// leaflet is shown, leaves, or its label changes. A hidden node beside the
// app in the shadow root, which the WASM never writes.
function nameLeaflets() {
  const seen = new Map();
  const inOrder = [...connected].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1));
  for (const element of inOrder) {
    const shadow = element.shadowRoot;
    const title = shadow && shadow.querySelector(".title");
    if (!title || crashed) {
      continue;
    }
    let name = (element.getAttribute("label") || "").trim();
    if (!name) {
      const n = (seen.get(title.textContent) || 0) + 1;
      seen.set(title.textContent, n);
      name = n > 1 ? `${title.textContent}, ${wordsOf(element)[4]} ${n}` : title.textContent;
    }
    let node = shadow.getElementById("leaflet-name");
    if (!node) {
      node = document.createElement("span");
      node.id = "leaflet-name";
      node.hidden = true;
      shadow.append(node);
    }
    node.textContent = name;
  }
}

// Read aloud, on the device only. Each box and section has a "Listen"
// control (written by the WASM, `listen_markup`), shown once the device has
// a voice of its own (`localService`) for the text's language: a remote voice
// would send the text, and with it the drug's name, to another server. Here
// rather than in the WASM: the Web Speech API through wasm-bindgen cost 4.9 KB
// of brotli, the whole feature this way 1.3 KB. The device has one speech queue,
// so the page has one reading: its element, the control's buttons, its
// texts, the one being said, whether paused.
let reading;

function primaryTag(tag) {
  return (tag || "").split(/[-_]/)[0].toLowerCase();
}

// The device's default voice for `lang` if it is one of its own, else its
// first own voice for the language and region, else for the language.
function localVoice(lang) {
  const voices = speechSynthesis.getVoices().filter((voice) => voice.localService && primaryTag(voice.lang) == primaryTag(lang));
  return voices.find((voice) => voice.default) || voices.find((voice) => voice.lang.replace("_", "-").toLowerCase() == lang.toLowerCase()) || voices[0];
}

// Shows the element's controls if a voice can read its text, else hides them
// (and stops reading: its Stop button hides with them).
function offerListening(element) {
  const article = element.shadowRoot && element.shadowRoot.querySelector("article");
  if (window.speechSynthesis && article) {
    // Voices arrive late in some browsers; the same listener is added once.
    speechSynthesis.addEventListener("voiceschanged", offerEverywhere);
    const voice = !!localVoice(article.lang);
    article.toggleAttribute("data-voice", voice);
    if (!voice) {
      stopReading(element);
    }
  }
}

function offerEverywhere() {
  connected.forEach(offerListening);
}

// A new leaflet in the element (ready): what was being read is gone.
function listenReady({ currentTarget }) {
  stopReading(currentTarget);
  offerListening(currentTarget);
}

// Pausing cancels and resuming says the interrupted text again from its
// start: the engines' own pause() does nothing on some (Chrome on Android).
function listenClicked({ target, currentTarget }) {
  const button = target.closest && target.closest(".listen-button");
  if (!button) {
    return;
  }
  const [listen, stop] = button.parentNode.children;
  if (reading && reading.listen == listen) {
    if (button == stop) {
      stopReading();
    } else if ((reading.paused = !reading.paused)) {
      reading.batch++;
      speechSynthesis.cancel();
      listen.textContent = listen.dataset.resume;
    } else {
      speak(reading);
    }
  } else if (button == listen) {
    startReading(currentTarget.host, listen, stop);
  }
}

// The text of a box or a section: its heading, then each paragraph, list
// item, definition and subheading (each an utterance, so a pause between),
// and in the urgent box who to call; no source markers or control labels.
// Each says its own language: the leaflet's words ("Important:", the default
// contact line) are the reader's, the host's contact the page's.
function startReading(element, listen, stop) {
  stopReading();
  const box = listen.parentNode.parentNode;
  const section = box.closest("[data-section-id]");
  const article = box.closest("article");
  const voice = window.speechSynthesis && localVoice(article.lang);
  if (!voice) {
    return;
  }
  const nodes = (section || box).querySelectorAll(
    ".section-title, .summary-heading, .example-banner, .list-lead, :scope > ul > li, :scope .blocks p, :scope .blocks li, :scope .blocks .definition, :scope .blocks .subheading, .care-team-label:not([hidden]), slot",
  );
  const texts = [];
  const say = (text, lang) => (text = text.replace(/\s+/g, " ").trim()) && texts.push([text, lang]);
  for (const node of nodes) {
    if (node.assignedNodes) {
      // The host's contact, or the slot's own default line.
      for (const part of node.assignedNodes({ flatten: true })) {
        say(part.textContent, ((part.closest ? part : part.parentNode).closest("[lang]") || article).lang);
      }
      continue;
    }
    const copy = node.cloneNode(true);
    copy.querySelectorAll(".source-marker").forEach((marker) => marker.remove());
    const lang = node.closest("[lang]").lang;
    const label = copy.querySelector(".note-label, .figure-label");
    if (label && primaryTag(label.lang) != primaryTag(lang)) {
      say(label.textContent, label.lang);
      label.remove();
    }
    say(copy.textContent, lang);
  }
  reading = { element, listen, stop, section, id: section ? section.dataset.sectionId : box.classList[0], label: listen.textContent, texts, voice, at: 0, batch: 0 };
  speak(reading);
  stop.hidden = false;
  listenEvent(reading, true);
}

// Says `current`'s texts from the one it was at, each in its language's own
// voice (the text's where the device has none). Its utterances are kept
// (Chrome may lose the end of one no longer referenced); an end or an error
// from an earlier batch (before a pause or a stop) changes nothing.
function speak(current) {
  const batch = ++current.batch;
  const from = current.at;
  current.utterances = current.texts.slice(from).map(([text, lang], n, rest) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.voice = localVoice(lang) || current.voice;
    utterance.onstart = () => current.batch == batch && (current.at = from + n);
    if (n == rest.length - 1) {
      utterance.onend = utterance.onerror = () => reading == current && current.batch == batch && stopReading();
    }
    speechSynthesis.speak(utterance);
    return utterance;
  });
  current.listen.textContent = current.listen.dataset.pause;
}

// Stops the reading (only `element`'s, if given): the speech cancelled, its
// control as it was, focus on Listen if it was on Stop.
function stopReading(element) {
  const was = reading;
  if (was && (!element || was.element == element)) {
    reading = undefined;
    speechSynthesis.cancel();
    was.listen.textContent = was.label;
    if (was.stop.matches(":focus")) {
      was.listen.focus();
    }
    was.stop.hidden = true;
    listenEvent(was, false);
  }
}

function listenEvent({ element, id }, started) {
  element.dispatchEvent(new CustomEvent("drug-leaflet-listen", { bubbles: true, composed: true, detail: { sectionId: id, reading: started } }));
}

// A section closed: reading it stops.
function listenToggled({ currentTarget, detail }) {
  if (reading && reading.element == currentTarget && reading.section && reading.id == detail.sectionId && !detail.expanded) {
    stopReading();
  }
}

function note(element, action) {
  if (!current) {
    setTimeout(() => (current = undefined));
  }
  current = [element, action];
}

// Runs `call`, which enters the WASM, for `element`; `otherwise` once crashed.
// A host listener of an event the element fires runs inside the element's
// call, whose Rust side is still busy: a call back into the same element
// (`el.monograph = ...` in a `drug-leaflet-error` listener) runs once that
// call is over, and gives `otherwise` now.
function guarded(element, action, call, otherwise) {
  if (element.inWasm) {
    queueMicrotask(() => guarded(element, action, call, otherwise));
    return otherwise;
  }
  note(element, action);
  element.inWasm = true;
  try {
    const result = crashed ? otherwise : call();
    if (!crashed) {
      return result;
    }
  } catch (error) {
    crash(error);
  } finally {
    element.inWasm = false;
  }
  return otherwise;
}

// Wraps every export of the instance, so any entry into the WASM (a method, an
// event listener, a timer, a microtask) that throws marks it crashed instead
// of reaching the host page, and nothing enters it afterwards.
export function guardWasm(exports) {
  const wrapped = {};
  for (const [name, value] of Object.entries(exports)) {
    wrapped[name] =
      typeof value == "function"
        ? function () {
            try {
              return crashed ? undefined : value.apply(this, arguments);
            } catch (error) {
              crash(error);
            }
          }
        : value;
  }
  return wrapped;
}

function crash(error) {
  if (crashed) {
    return;
  }
  crashed = true;
  crashError = error;
  stopReading();
  const [element, action] = current || [];
  try {
    console.error(
      `drug-leaflet: <drug-leaflet${element && element.id ? ` id="${element.id}"` : ""}> crashed during ${
        action || "an update"
      } (${error}); every <drug-leaflet> on this page now shows its fallback.`
    );
  } catch (ignored) {
    // A page whose console throws still gets every fallback.
  }
  let announce = true;
  for (const leaflet of connected) {
    showFallback(leaflet, announce);
    announce = false;
  }
}

// What the host pasted inside the element (a <slot> shows it), or a message
// naming the drug; the page's first leaflet also gets the one alert.
function showFallback(element, announce) {
  const words = wordsOf(element);
  const lang = words == WORDS.es ? "es" : "en";
  const [alert, help, medicine, open] = words;
  // An element for a named slot (the care team's contact) is no fallback.
  const pasted = [...element.childNodes].some((node) => (node.nodeType == 1 ? !node.slot : node.textContent.trim()));
  // Before the WASM started, what the host pasted stays as it is: no shadow root.
  if (!(pasted && notStarted)) {
    const shadow = element.shadowRoot || element.attachShadow({ mode: "open" });
    const title = shadow.querySelector(".title");
    const paragraph = (content) => {
      const p = document.createElement("p");
      p.append(content);
      p.lang = lang;
      return p;
    };
    const drug = element.getAttribute("drug");
    let line = help + ((title && title.textContent) || drug || medicine) + ".";
    // The drug's text version: beside the widget for a bundled drug, in
    // monographs/ for the others; none for a monograph set as a property.
    const id = notStarted && element.monographInput == null && (drug ?? notStarted[0]).trim();
    if (id && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      line = document.createElement("a");
      line.href = new URL(`${notStarted.includes(id) ? "" : "monographs/"}${id}.fallback.html`, dataFolder);
      line.textContent = open;
    }
    const nodes = [pasted ? document.createElement("slot") : paragraph(line)];
    if (announce) {
      nodes.unshift(paragraph(alert));
      nodes[0].role = "alert";
    }
    if (notStarted) {
      // The care team's contact shows, as on the page without the widget.
      const contact = document.createElement("slot");
      contact.name = "urgent-contact";
      nodes.push(contact);
    }
    shadow.replaceChildren(...nodes);
  }
  // A drug that was loading never will.
  element.removeAttribute("aria-busy");
  element.dispatchEvent(
    new CustomEvent("drug-leaflet-error", {
      bubbles: true,
      composed: true,
      detail: { problems: [{ path: "", message: notStarted ? crashError : `${alert} ${crashError}` }], fatal: true },
    })
  );
}

// The WASM could not start (`why`, and the exception if any): every element
// shows its fallback, the bundled drugs' ids telling where their text is.
export function startFailed(why, bundled, ...error) {
  notStarted = bundled;
  crashError = why;
  console.error(
    `drug-leaflet: ${why}; every <drug-leaflet> shows its fallback.`,
    ...error,
  );
  defineLeafletElement("drug-leaflet", ["drug", "lang"]);
}

// Data files of drugs that are not bundled, by URL and integrity: elements
// asking for the same drug share one fetch; a failed one is tried afresh by
// the next element that asks.
const drugFiles = new Map();
// The folder that holds `monographs/`: dist/'s start-up code sets it to its
// own. A build without one (the npm package: a bundler moves the module and
// not the data files) refuses a drug that is not bundled, saying so.
let dataFolder;
function setDataFolder(url) {
  dataFolder = url;
}

// The host door (door/): the module that reads, checks and validates what a
// page hands a leaflet (the `monograph` property, a drug's data file), kept
// out of the WASM every page loads. dist/'s start-up code sets how to load it
// (its WASM fetched with its integrity); a build that links it in never asks.
let loadDoorModule;
let door;
let doorLoading;
// Why the door could not be loaded, for each element that waited for it.
const doorFailures = new WeakMap();
function setDoorLoader(load) {
  loadDoorModule = load;
}

// The door once loaded: a promise of undefined, or of why it could not be.
function loadDoor() {
  doorLoading ||= (loadDoorModule ? loadDoorModule() : Promise.reject("this build has no host door")).then(
    (parse) => {
      door = parse;
    },
    (error) => {
      doorLoading = undefined;
      const why = `could not load or start the host door, which reads a monograph a page hands the leaflet (${error})`;
      console.error(`drug-leaflet: ${why}`);
      return why;
    },
  );
  return doorLoading;
}

// The door's answer for `value` (bytes the leaflet reads), why there is none
// (text), or, on the door's first use, undefined while it loads: the
// element's `setMonograph` runs again with the same value once it arrived,
// if the element still holds that value. A trap in the door is the door's
// own (another instance) and leaves the leaflet running.
export function doorParse(element, value) {
  const failure = doorFailures.get(element);
  doorFailures.delete(element);
  if (failure) {
    return failure;
  }
  if (door) {
    try {
      return door(value);
    } catch (error) {
      return `the host door failed on this value (${error})`;
    }
  }
  loadDoor().then((why) => {
    if (element.monographInput === value && element.leafletHandle) {
      why && doorFailures.set(element, why);
      guarded(element, "monograph", () => element.leafletHandle.setMonograph(value));
    }
  });
}

// The language part of a drug's data file name for the element's `lang`
// (its primary subtag: `es-MX` asks for `es`), or "" without one. The loader
// names the same file.
function drugLanguage(element) {
  const language = (element.getAttribute("lang") || "").trim().toLowerCase().split("-")[0];
  return /^[a-z]{2,3}$/.test(language) ? `.${language}` : "";
}

// Fetches drug `id`'s data file from the widget's own folder (or takes the
// loader's fetch of it, started beside the WASM's) and hands it, or why it
// could not be used, to the element's leaflet, which checks it. With a
// `lang`, the file of the drug's leaflet in that language
// (`monographs/<id>.<lang>.json`); where there is none (HTTP 404), the
// drug's main file, which the leaflet then names as another language.
// `withDoor`: whether the door is a module of its own, to load beside it.
export function loadDrug(element, id, integrity, withDoor) {
  const language = drugLanguage(element);
  const url = dataFolder && new URL(`monographs/${id}${language}.json`, dataFolder).href;
  const mainUrl = dataFolder && new URL(`monographs/${id}.json`, dataFolder).href;
  const key = `${url} ${integrity || ""}`;
  let file = drugFiles.get(key);
  if (!url) {
    file = Promise.reject("this build of the widget has no data files (the npm package carries only nusinersen): set the element's monograph property instead");
  } else if (!file) {
    const early = globalThis.__drugLeafletLoader && globalThis.__drugLeafletLoader.drugs;
    file = fetchDrugFile(url, integrity, early && early[key]).catch((failure) =>
      url != mainUrl && failure.endsWith(" HTTP 404") ? fetchDrugFile(mainUrl, integrity) : Promise.reject(failure),
    );
    drugFiles.set(key, file);
    file.catch(() => drugFiles.delete(key));
    if (early) {
      delete early[key];
    }
  }
  // A file for a language the element no longer has is not shown: the
  // file for its new one is on its way.
  const arrived = (data, failure) =>
    drugLanguage(element) == language &&
    guarded(element, `loading ${id}`, () => {
      // The pasted fallback shows (through the slot) while the drug loads.
      const fallback = readFallback(element);
      takeOver(element, fallback);
      element.leafletHandle && element.leafletHandle.drugLoaded(id, integrity, data, failure, fallback.open);
    });
  // The door reads the file: both are on their way at once.
  Promise.all([file, withDoor && loadDoor()]).then(
    ([data, why]) => arrived(data, why),
    (failure) => arrived(undefined, String(failure)),
  );
}

async function fetchDrugFile(url, integrity, started) {
  let response;
  try {
    response = await (started || fetch(url, integrity ? { integrity } : {}));
  } catch (error) {
    // A file that fails its integrity check and a network error look alike
    // to the page: only asking again, without the hash, tells them apart.
    // (A server that refuses HEAD, 405 or 501, tells nothing.)
    const again = integrity && (await fetch(url, { method: "HEAD" }).catch(() => undefined));
    throw again && again.ok
      ? `${url} does not match its integrity attribute`
      : again && again.status != 405 && again.status != 501
        ? `${url} answered HTTP ${again.status}`
        : `${url} could not be fetched (offline, or the page's Content-Security-Policy connect-src does not allow it)${
            integrity ? ", or does not match its integrity attribute" : ""
          }`;
  }
  if (!response.ok) {
    throw `${url} answered HTTP ${response.status}`;
  }
  try {
    return await response.json();
  } catch (error) {
    throw `${url} is not JSON (${error})`;
  }
}

// The hospital's own "who to call" (an element with slot="urgent-contact"):
// the urgent box shows it, labelled as the care team's words, while its slot
// holds it. A fallback pasted inside the element carries that element inside
// its urgent box, out of the slot's reach: a copy (a DOM clone, nothing
// parsed) goes where the slot finds it.
function adoptUrgentContact(element) {
  const contact = '[slot="urgent-contact"]';
  const nested = !element.querySelector(":scope>" + contact) && element.querySelector(contact);
  if (nested) {
    element.append(nested.cloneNode(true));
  }
}

// What the reader did in the pasted fallback before the leaflet could take
// over: its sections are native disclosures, the first open as the leaflet
// starts. Read while the fallback is laid out (a shadow root without a slot
// hides it). `open`: the open sections' ids, when the reader changed them.
function readFallback(element) {
  const sections = [...element.querySelectorAll("details[data-section-id]")];
  const id = (section) => section && section.dataset.sectionId;
  const top = (section) => section.getBoundingClientRect().top;
  // The section the viewport's top is in.
  const anchor = sections.find((section) => top(section) <= 0 && section.getBoundingClientRect().bottom > 0);
  return {
    open: sections.some((section, i) => section.open == !!i) ? sections.filter((section) => section.open).map(id).join(" ") : undefined,
    focused: id(sections.find((section) => section.contains(document.activeElement))),
    anchor: id(anchor),
    top: anchor && top(anchor),
  };
}

// The leaflet starts with the fallback's open sections (`mount` and
// `drugLoaded` take them); once it is shown, the section the reader was in
// goes back to where it was in the viewport, and focus to the button of the
// section whose summary had it. Content that fails shows no leaflet: nothing.
function takeOver(element, { focused, anchor, top }) {
  const button = (id) => id && element.shadowRoot.getElementById(id + "-button");
  const ready = () => {
    element.removeEventListener("drug-leaflet-error", failed);
    if (button(anchor)) {
      // The button's section: heading, then panel.
      scrollBy(0, button(anchor).parentNode.parentNode.getBoundingClientRect().top - top);
    }
    if (button(focused)) {
      button(focused).focus({ preventScroll: true });
    }
  };
  const failed = () => element.removeEventListener("drug-leaflet-ready", ready);
  if (focused || anchor) {
    element.addEventListener("drug-leaflet-ready", ready, { once: true });
    element.addEventListener("drug-leaflet-error", failed, { once: true });
  }
}

// The care team's label, written just before the slot, shows while it holds an element.
function labelUrgentContact({ target }) {
  const label = target.name == "urgent-contact" && target.previousSibling;
  if (label) {
    label.hidden = !target.assignedNodes().length;
  }
}

// A method of the element's handle: false when no leaflet is showing or it crashed.
function callHandle(element, method, argument) {
  const handle = element.leafletHandle;
  return !!handle && guarded(element, method + "()", () => handle[method](argument), false);
}

export function defineLeafletElement(tagName, observedAttributes, mount) {
  if (customElements.get(tagName)) {
    return false;
  }
  customElements.define(
    tagName,
    class extends HTMLElement {
      static get observedAttributes() {
        return observedAttributes;
      }

      connectedCallback() {
        // A framework may set `monograph` before this class was defined: that
        // value is an own property hiding the accessor below. Re-assign it.
        if (Object.prototype.hasOwnProperty.call(this, "monograph")) {
          const value = this.monograph;
          delete this.monograph;
          this.monographInput = value;
        }
        connected.add(this);
        if (notStarted) {
          showFallback(this);
          return;
        }
        const first = !this.noting;
        if (first) {
          // Input inside the shadow root runs Rust from yew's own listeners:
          // noted on its way down, for the console line if it crashes.
          this.noting = true;
          for (const type of ["click", "keydown"]) {
            this.addEventListener(type, () => note(this, `a ${type}`), true);
          }
          this.addEventListener("drug-leaflet-ready", nameLeaflets);
          this.addEventListener("drug-leaflet-ready", listenReady);
          this.addEventListener("drug-leaflet-toggle", listenToggled);
        }
        adoptUrgentContact(this);
        if (crashed) {
          showFallback(this);
        } else if (!this.leafletHandle) {
          // Moved by a listener of its own event, it mounts once that call is over.
          guarded(this, "connecting", () => {
            if (this.isConnected && !this.leafletHandle) {
              const fallback = readFallback(this);
              takeOver(this, fallback);
              this.leafletHandle = mount(this, this.monographInput, fallback.open);
            }
          });
        }
        // After the pasted fallback was read while laid out (a shadow root
        // hides it); slot changes are told after this task.
        if (first) {
          const shadow = this.shadowRoot || this.attachShadow({ mode: "open" });
          shadow.addEventListener("slotchange", labelUrgentContact);
          shadow.addEventListener("click", listenClicked);
        }
      }

      disconnectedCallback() {
        connected.delete(this);
        stopReading(this);
        const name = this.shadowRoot && this.shadowRoot.getElementById("leaflet-name");
        if (name) {
          name.remove();
          nameLeaflets();
        }
        const handle = this.leafletHandle;
        this.leafletHandle = undefined;
        if (handle) {
          guarded(this, "disconnecting", () => handle.destroy());
        }
      }

      attributeChangedCallback(name, oldValue, newValue) {
        if ((name === "drug" || name === "integrity") && oldValue !== newValue) {
          // Choosing a drug replaces a monograph set through the property.
          this.monographInput = undefined;
        }
        if (notStarted && connected.has(this)) {
          showFallback(this);
        }
        // The controls are written again (`label` only names the leaflet).
        if (oldValue !== newValue && name != "label") {
          stopReading(this);
        }
        if ((this.leafletHandle || this.inWasm) && oldValue !== newValue) {
          guarded(this, name, () => this.leafletHandle && this.leafletHandle.attributeChanged(name, newValue));
          // A drug on demand may have a leaflet in the new language (see loadDrug).
          if (name == "lang" && this.monographInput === undefined && this.hasAttribute("drug")) {
            guarded(this, name, () => this.leafletHandle && this.leafletHandle.attributeChanged("drug", this.getAttribute("drug")));
          }
        }
        if (name == "label" || name == "lang") {
          nameLeaflets();
        }
      }

      // The leaflet's own state, on its article: no call into the WASM.
      get sourcesInline() {
        return !!(this.shadowRoot && this.shadowRoot.querySelector("article[data-sources=inline]"));
      }

      get monograph() {
        return this.leafletHandle && !this.inWasm
          ? guarded(this, "monograph", () => this.leafletHandle.monograph(), null)
          : this.monographInput;
      }

      set monograph(value) {
        this.monographInput = value;
        stopReading(this);
        // While connecting, a listener's value is shown once the handle exists.
        if (this.leafletHandle || this.inWasm) {
          guarded(this, "monograph", () => this.leafletHandle && this.leafletHandle.setMonograph(value));
        } else if (notStarted && connected.has(this)) {
          showFallback(this);
        }
      }

      expandAll() {
        return callHandle(this, "expandAll");
      }

      collapseAll() {
        return callHandle(this, "collapseAll");
      }

      open(sectionId) {
        return callHandle(this, "open", String(sectionId));
      }
    },
  );
  addEventListener("pagehide", () => stopReading());
  return true;
}
