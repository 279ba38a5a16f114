// A browser without WebAssembly (or a kiosk that removed it), before the
// leaflet's loader runs (`window.__typeofWebAssembly` says
// what the page sees then); each drug-leaflet-error event lands in
// window.__fatal as "<id>: fatal <detail.fatal>".
delete window.WebAssembly;
window.__typeofWebAssembly = typeof WebAssembly;
window.__fatal = [];
document.addEventListener("drug-leaflet-error", function (event) {
  window.__fatal.push(event.target.id + ": fatal " + event.detail.fatal);
});
