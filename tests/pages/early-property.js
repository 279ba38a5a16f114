// Runs before the deferred drug-leaflet.js, like a framework that sets the
// `monograph` property before the element is defined.
document.getElementById("early").monograph = { meta: { id: "early" } };
