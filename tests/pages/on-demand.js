// Records the leaflets' ready and error events on the on-demand page, by element id.
window.__events = [];
for (const type of ["drug-leaflet-ready", "drug-leaflet-error"]) {
  document.addEventListener(type, function (event) {
    window.__events.push({ type: type, id: event.target.id, detail: event.detail });
  });
}
