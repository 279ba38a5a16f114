// The <drug-leaflet> custom element. A class that extends HTMLElement cannot be
// written in Rust, so this thin shell forwards its lifecycle, attributes,
// property and methods to the WASM side: `mount(host, monographInput)` builds
// the leaflet in the host's shadow root and returns a handle.
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
        if (!this.leafletHandle) {
          this.leafletHandle = mount(this, this.monographInput);
        }
      }

      disconnectedCallback() {
        const handle = this.leafletHandle;
        this.leafletHandle = undefined;
        if (handle) {
          handle.destroy();
        }
      }

      attributeChangedCallback(name, oldValue, newValue) {
        if (name === "drug" && oldValue !== newValue) {
          // Choosing a bundled drug replaces a monograph set through the property.
          this.monographInput = undefined;
        }
        if (this.leafletHandle && oldValue !== newValue) {
          this.leafletHandle.attributeChanged(name, newValue);
        }
      }

      get monograph() {
        return this.leafletHandle ? this.leafletHandle.monograph() : this.monographInput;
      }

      set monograph(value) {
        this.monographInput = value;
        if (this.leafletHandle) {
          this.leafletHandle.setMonograph(value);
        }
      }

      expandAll() {
        return this.leafletHandle ? this.leafletHandle.expandAll() : false;
      }

      collapseAll() {
        return this.leafletHandle ? this.leafletHandle.collapseAll() : false;
      }

      open(sectionId) {
        return this.leafletHandle ? this.leafletHandle.open(String(sectionId)) : false;
      }
    },
  );
  return true;
}
