// The little the pages need beyond HTML: sort and page size apply as soon as they change,
// blank filters stay out of the URL so that a bookmarked search reads cleanly, and the
// evidence boxes are placed over the page image (their fractions of the page as %; the
// CSP admits no inline style, so they are set here). An ingest job's page follows its
// files' progress from the JSON API (the page without JavaScript shows it on reload).
"use strict";

var STAGES = {en_cola: "en cola", leido: "leído", extraido: "extraído", terminado: "terminado"};
var RESULTS = {ingested: "ingerido", skipped: "sin cambios", failed: "falló", excluded: "excluido",
               rejected: "rechazado", interrupted: "interrumpido"};
var RUNNING = ["recibiendo", "en_cola", "en_curso"];

// Every value from the server goes in as text, never as HTML (file names are the user's).
function showFile(row, f) {
  row.querySelector(".stage").textContent = (STAGES[f.stage] || f.stage) + (f.pages ? " (" + f.pages + " pág.)" : "");
  row.querySelector(".result").textContent = f.status ? (RESULTS[f.status] || f.status) : "";
  var detail = row.querySelector(".detail");
  detail.textContent = "";
  if (f.id && (f.status === "ingested" || f.status === "skipped")) {
    var link = document.createElement("a");
    link.href = "/resoluciones/" + encodeURIComponent(f.id);
    link.textContent = "ver la resolución";
    detail.appendChild(link);
    detail.appendChild(document.createTextNode(" "));
  }
  var text = (f.reason ? f.reason + ": " : "") + (f.message || "");
  if (text) detail.appendChild(document.createTextNode(text));
  (f.warnings || []).forEach(function (w) {
    detail.appendChild(document.createElement("br"));
    detail.appendChild(document.createTextNode(w));
  });
}

function followJob(box) {
  var id = box.getAttribute("data-job");
  function poll() {
    fetch("/api/v1/ingest/" + encodeURIComponent(id), {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (job) {
        job.files.forEach(function (f, n) {
          var row = box.querySelector('tr[data-n="' + n + '"]');
          if (row) showFile(row, f);
        });
        box.setAttribute("data-status", job.status);
        document.getElementById("job-status").textContent = job.status.replace(/_/g, " ");
        var message = document.getElementById("job-message");
        message.textContent = job.message || "";
        message.hidden = !job.message;
        if (RUNNING.indexOf(job.status) >= 0) window.setTimeout(poll, 1500);
        else if (job.status === "interrumpido" || job.status === "fallido") window.location.reload();  // the re-run form
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  if (RUNNING.indexOf(box.getAttribute("data-status")) >= 0) window.setTimeout(poll, 500);
}

document.addEventListener("DOMContentLoaded", function () {
  var job = document.getElementById("ingest-job");
  if (job) followJob(job);
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
