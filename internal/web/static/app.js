// ITAS: the little script the pages need. Everything works without it; it only adds
// confirmation before destructive actions and moves focus to the first field in error.
"use strict";
document.addEventListener("submit", function (ev) {
  var form = ev.target;
  var msg = form.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) {
    ev.preventDefault();
  }
});
document.addEventListener("DOMContentLoaded", function () {
  var bad = document.querySelector("[aria-invalid='true']");
  if (bad) {
    bad.focus();
  }
});
