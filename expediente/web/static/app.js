// The little the pages need beyond HTML: sort and page size apply as soon as they change,
// and blank filters stay out of the URL so that a bookmarked search reads cleanly.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
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
