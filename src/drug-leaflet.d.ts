// TypeScript declarations for <drug-leaflet>, the embeddable medication leaflet.
// Copy next to your code or reference it: /// <reference path="drug-leaflet.d.ts" />

export interface SourceRef {
  /** Id of a declared source, e.g. "PI". */
  doc: string;
  /** The part of the source, e.g. "6.1". */
  section?: string;
}

/** A fact: it always names its source. Text may link a glossary term: `[[shown words|Term]]`. */
export interface Item {
  text: string;
  source: SourceRef;
}

export type Block =
  | { kind: "paragraph"; text: string; source?: SourceRef }
  | { kind: "note"; text: string; source?: SourceRef }
  | { kind: "list"; lead?: string; source?: SourceRef; items: Item[] }
  | { kind: "definitions"; items: { term: string; definition: string; source: SourceRef }[] }
  /** Sections only, never last: a heading one level below the section's. */
  | { kind: "subheading"; heading: string }
  /** An image of the source as its text alternative, shown as "Picture: <text>". */
  | { kind: "figure"; text: string; source?: SourceRef }
  /** Summary only: 4 to 6 facts a patient needs first. */
  | { kind: "key_facts"; heading: string; items: Item[] }
  /** Summary only, exactly one: the signs that need medical help, always in view. */
  | { kind: "urgent"; heading: string; lead?: string; source?: SourceRef; items: Item[] };

export type SourceKind =
  | "consumer-monograph"
  | "label"
  | "package-leaflet"
  | "safety-update"
  | "professional-letter"
  | "announcement"
  | "editorial"
  | "patient-information";

/** What a publisher of the leaflet may do with a source's text. */
export type Rights =
  | "public-domain"
  | "reuse-with-acknowledgement"
  | "ogl-3"
  | "permission-required"
  | "own"
  | "unknown";

/** The same shape as monographs/<drug>.toml (see the README, "Writing a monograph"). */
export interface Monograph {
  meta: {
    id: string;
    title: string;
    language: string;
    pronunciation?: string;
    generic_name: string;
    brand_name: string;
    dosage_form: string;
    /** Absent when the source does not say; the header then leaves the line out. */
    drug_class?: string;
    /** Who reviewed the `based_on` document; covers its own text only. */
    reviewed_by: string;
    /** ISO 8601 date, YYYY-MM-DD, of the `based_on` document. */
    last_updated: string;
    /** Id of the source that text without a `source` comes from. */
    based_on: string;
    /**
     * The country or region it is written for: an ISO 3166-1 code ("US", "GB") or "EU".
     * The header says it; a monograph file must have it (a host's may leave it out).
     */
    jurisdiction?: string;
    /** Made-up data: the leaflet shows "TEST DATA: NOT A REAL MEDICINE". */
    example?: boolean;
    /** Required once any text cites another source than `based_on`. */
    additions?: {
      /** ISO 8601 date, YYYY-MM-DD: last change to the added text. */
      compiled: string;
      /**
       * Pharmacists' sign-offs, each naming the added texts it covers by place
       * ("summary[1].items[0].text"). The header counts them: "All added text
       * reviewed by ...", "n of m added texts reviewed by ...; the rest not yet
       * reviewed", or "Not yet reviewed by a pharmacist". A bundled or on-demand
       * leaflet's come from its sign-off record, kept by content hash, so a text
       * edited after its sign-off is not counted.
       */
      reviews?: { name: string; role: string; registration?: string; date: string; texts: string[] }[];
    };
  };
  sources: {
    id: string;
    title: string;
    publisher?: string;
    /** ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY. */
    revised?: string;
    /** An `announcement` may back one fact only. */
    kind?: SourceKind;
    note?: string;
    /** The plain name in "Where this comes from" lines, e.g. "US prescribing information". */
    short_name?: string;
    /** Absent means unknown. */
    rights?: Rights;
    /** The acknowledgement the rights ask for. */
    attribution?: string;
  }[];
  /** Shown under the header, never collapsed: one `urgent` block, at most one `key_facts`. */
  summary: Block[];
  sections: { id: string; heading: string; blocks: Block[] }[];
  /**
   * What changed when, oldest first: `date` YYYY-MM-DD (each after the one
   * before), a plain summary, the ids of the sections changed.
   */
  revisions?: { date: string; summary: string; sections: string[] }[];
}

export interface MonographProblem {
  /** Where, e.g. "sections[2].heading". */
  path: string;
  message: string;
}

export interface DrugLeafletReadyDetail {
  drug: string;
}

export interface DrugLeafletToggleDetail {
  sectionId: string;
  expanded: boolean;
}

export interface DrugLeafletErrorDetail {
  problems: MonographProblem[];
  /**
   * true when the leaflet's WebAssembly crashed or could not start: every
   * <drug-leaflet> on the page then shows its pasted fallback (or a link to
   * its text version, or where to get the printed leaflet) for good, and its
   * methods return false.
   */
  fatal: boolean;
}

/** The reader showed or hid each line's source marker (the Sources section's checkbox). */
export interface DrugLeafletSourcesDetail {
  inline: boolean;
}

/** Reading aloud started or stopped. */
export interface DrugLeafletListenDetail {
  /** The section read, or "urgent" / "key-facts" for the summary's boxes. */
  sectionId: string;
  /** True when reading starts, false when it stops: its end, Stop, the section closed, another started, a new attribute value or new content, the leaflet removed (heard on the element only: it has left the page) or the page left. */
  reading: boolean;
}

export interface DrugLeafletElement extends HTMLElement {
  /**
   * The monograph shown, as a plain object (null while the element shows an
   * error or loads a drug's data file or the host door).
   * Setting it validates the object and shows it; an invalid one shows a
   * role="alert" message listing each problem. The first set on a page loads
   * the host door (drug-leaflet-door_bg.wasm), so the leaflet shows it a moment
   * later: drug-leaflet-ready or drug-leaflet-error tells when. null or undefined goes back to
   * the bundled monograph named by the `drug` attribute; changing `drug` also
   * replaces a monograph set here.
   */
  monograph: Monograph | null | undefined;
  /** Opens every section; false if no leaflet is showing. */
  expandAll(): boolean;
  /** Closes every section; false if no leaflet is showing. */
  collapseAll(): boolean;
  /** Opens the section with this id (its data-section-id); false if there is none. */
  open(sectionId: string): boolean;
  /**
   * Whether each line's source marker is shown: the `sources` attribute, then
   * the reader's choice in the Sources section (false when no leaflet is showing).
   */
  readonly sourcesInline: boolean;

  /** Attributes: drug (default "nusinersen"; another id loads monographs/<id>.json
   *  from the widget's folder, or monographs/<id>.<lang>.json, its leaflet in the
   *  element's lang, where it has one), integrity ("sha384-..." pinning that file),
   *  heading-level ("2" to "6"), expanded ("first" | "all" | "none"), lang ("en" | "es"),
   *  remember ("on" | "off" | "local"), sources ("section" | "inline"), print-sources ("inline" | "section"),
   *  label (the leaflet's name in its landmarks), last-read ("YYYY-MM-DD": sections changed since are marked),
   *  listen ("on" | "off": the read-aloud controls, shown only with a voice on the device). */
  setAttribute(name: "drug" | "integrity" | "heading-level" | "expanded" | "lang" | "remember" | "sources" | "print-sources" | "label" | "last-read" | "listen" | string, value: string): void;

  addEventListener(
    type: "drug-leaflet-ready",
    listener: (event: CustomEvent<DrugLeafletReadyDetail>) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: "drug-leaflet-toggle",
    listener: (event: CustomEvent<DrugLeafletToggleDetail>) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: "drug-leaflet-error",
    listener: (event: CustomEvent<DrugLeafletErrorDetail>) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: "drug-leaflet-sources",
    listener: (event: CustomEvent<DrugLeafletSourcesDetail>) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: "drug-leaflet-listen",
    listener: (event: CustomEvent<DrugLeafletListenDetail>) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

/**
 * Named slots: an element of the host's with `slot="<name>"` inside
 * <drug-leaflet>. "urgent-contact": whom to call, shown at the end of the
 * "Get medical help" box, labelled "From your care team:".
 */
export type DrugLeafletSlot = "urgent-contact";

/** The attributes and the values they take (as typed JSX props). */
export interface DrugLeafletAttributes {
  "drug"?: string;
  /** A Subresource Integrity hash (sha384-...) pinning the data file of a drug not bundled. */
  "integrity"?: string;
  "heading-level"?: "2" | "3" | "4" | "5" | "6";
  "expanded"?: "first" | "all" | "none";
  "lang"?: "en" | "es";
  /** Open sections in sessionStorage (on); local also keeps the newest revision shown in localStorage, per drug. */
  "remember"?: "on" | "off" | "local";
  /** Each section's "Where this comes from" line (default), or also each line's marker. */
  "sources"?: "section" | "inline";
  /** On paper: each line's marker (default, a pharmacist's printout), or the section lines only. */
  "print-sources"?: "inline" | "section";
  /** The leaflet's name in its landmarks ("Key facts, <label>"); without it the title, numbered from the second leaflet with that title. */
  "label"?: string;
  /** YYYY-MM-DD: when the reader last read it; sections changed since are marked "Updated <date>". */
  "last-read"?: string;
  /** "off" hides the read-aloud controls (shown only with a voice on the device for the text's language). */
  "listen"?: "on" | "off";
}

// <drug-leaflet> in React's JSX (@types/react 18.3 or 19): the attributes and
// the usual HTML props and `ref`. `monograph` is no JSX prop on purpose: React
// sets an unknown prop of an element not yet defined as an attribute, and an
// object as an attribute is lost; set it through a ref (see the README).
declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "drug-leaflet": DetailedHTMLProps<HTMLAttributes<DrugLeafletElement>, DrugLeafletElement> &
        DrugLeafletAttributes;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "drug-leaflet": DrugLeafletElement;
  }
  interface HTMLElementEventMap {
    "drug-leaflet-ready": CustomEvent<DrugLeafletReadyDetail>;
    "drug-leaflet-toggle": CustomEvent<DrugLeafletToggleDetail>;
    "drug-leaflet-error": CustomEvent<DrugLeafletErrorDetail>;
    "drug-leaflet-sources": CustomEvent<DrugLeafletSourcesDetail>;
    "drug-leaflet-listen": CustomEvent<DrugLeafletListenDetail>;
  }
}
