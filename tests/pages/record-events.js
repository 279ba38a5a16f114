// Records every drug-leaflet-sources event's detail in window.__sources, for
// the end-to-end tests (a page script: the strict CSP allows no inline script).
window.__sources = [];
document.addEventListener("drug-leaflet-sources", function (event) {
  window.__sources.push(event.detail);
});
