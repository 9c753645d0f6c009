// Runs before anything else: every script error or CSP violation is written into #errors,
// so a person sees it and the browser test can read it from the DOM.
(function () {
  "use strict";
  var seen = [];
  function show() {
    var box = document.getElementById("errors");
    if (!box || !seen.length) return;
    box.textContent = seen.join("\n");
    box.hidden = false;
    document.body.setAttribute("data-errors", String(seen.length));
  }
  function report(message) {
    seen.push(String(message));
    show();
  }
  // vis-network reports invalid options through console.error rather than by throwing.
  var consoleError = console.error;
  console.error = function () {
    report("console.error: " + Array.prototype.join.call(arguments, " "));
    return consoleError.apply(console, arguments);
  };
  window.addEventListener("error", function (event) {
    report("Error: " + (event.message || event.type) + " (" + (event.filename || "") + ":" + (event.lineno || 0) + ")");
  });
  window.addEventListener("unhandledrejection", function (event) {
    report("Unhandled rejection: " + event.reason);
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    report("CSP violation: " + event.violatedDirective + " " + (event.blockedURI || ""));
  });
  document.addEventListener("DOMContentLoaded", show);  // errors raised before <body> existed
})();
