// The named export: its promise says when <drug-leaflet> is defined.
import { defineElement } from "drug-leaflet";

defineElement().then(() => {
  document.body.dataset.leafletDefined = String(customElements.get("drug-leaflet") !== undefined);
});
