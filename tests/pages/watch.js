// Loaded first by every test page: records what the end-to-end tests assert on
// (CSP violations, uncaught errors, console errors) in window.__watched.
window.__watched = { violations: [], errors: [], consoleErrors: [] };
document.addEventListener("securitypolicyviolation", function (event) {
  window.__watched.violations.push(event.violatedDirective + " " + event.blockedURI);
});
window.addEventListener("error", function (event) {
  window.__watched.errors.push(String(event.message));
});
var originalError = console.error;
console.error = function () {
  window.__watched.consoleErrors.push(Array.prototype.map.call(arguments, String).join(" "));
  return originalError.apply(console, arguments);
};
window.addEventListener("unhandledrejection", function (event) {
  window.__watched.errors.push("unhandled rejection: " + String(event.reason));
});
