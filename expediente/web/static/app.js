// The little the pages need beyond HTML: sort and page size apply as soon as they change,
// blank filters stay out of the URL so that a bookmarked search reads cleanly, and the
// evidence boxes are placed over the page image (their fractions of the page as %; the
// CSP admits no inline style, so they are set here).
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".evidence-box[data-box]").forEach(function (box) {
    var r = box.getAttribute("data-box").split(",").map(Number);
    if (r.length !== 4 || r.some(isNaN)) return;
    box.style.left = (r[0] * 100) + "%";
    box.style.top = (r[1] * 100) + "%";
    box.style.width = ((r[2] - r[0]) * 100) + "%";
    box.style.height = ((r[3] - r[1]) * 100) + "%";
  });
  var first = document.querySelector(".evidence-box");
  if (first && !document.getElementById("marca")) first.scrollIntoView({block: "center"});
  var form = document.getElementById("search-form");
  if (!form) return;
  form.querySelectorAll("select.autosubmit").forEach(function (select) {
    select.addEventListener("change", function () { form.requestSubmit(); });
  });
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (field) {
      if (field.name && field.value === "") field.disabled = true;
    });
    window.setTimeout(function () {
      form.querySelectorAll("[disabled]").forEach(function (f) { f.disabled = false; });
    }, 0);
  });
});
