// The <drug-leaflet> custom element. A class that extends HTMLElement cannot be
// written in Rust, so this thin shell forwards its lifecycle to the WASM side:
// `mount(host)` builds the leaflet in the host's shadow root and returns a handle
// whose `destroy()` tears it down.
export function defineLeafletElement(tagName, mount) {
  if (customElements.get(tagName)) {
    return false;
  }
  customElements.define(
    tagName,
    class extends HTMLElement {
      connectedCallback() {
        if (!this.leafletHandle) {
          this.leafletHandle = mount(this);
        }
      }

      disconnectedCallback() {
        const handle = this.leafletHandle;
        this.leafletHandle = undefined;
        if (handle) {
          handle.destroy();
        }
      }
    },
  );
  return true;
}
