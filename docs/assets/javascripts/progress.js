/*
 * Progress: "Mark session complete" on session pages, and the list of the
 * day's sessions with a reset on the day page.
 *
 * Stored only in this browser, in localStorage "cur-progress" as a JSON
 * object {"<docs path of the session>": "<ISO date it was marked>"}. Nothing
 * is sent anywhere. A stored value that is not such an object is removed
 * without a word (the reader simply starts again).
 *
 * Mounts from Material's document$ (once per page load: instant navigation
 * is off).
 */
(function () {
  "use strict";

  var KEY = "cur-progress";

  function load() {
    return window.curStored.read(KEY, function (value) {
      return Object.keys(value).every(function (key) { return typeof value[key] === "string"; });
    });
  }

  function save(progress) {
    window.curStored.write(KEY, progress);
  }

  function formatDate(iso) {
    var date = new Date(iso);
    return isNaN(date) ? "" : date.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
  }

  function renderControl(control, progress, announce) {
    var session = control.dataset.curSession;
    var done = Object.prototype.hasOwnProperty.call(progress, session);
    var button = control.querySelector("button");
    var status = control.querySelector("[role=status]");
    button.setAttribute("aria-pressed", String(done));
    control.classList.toggle("cur-progress-control--done", done);
    if (announce || status.textContent) {
      status.textContent = done
        ? "Marked complete" + (formatDate(progress[session]) ? " on " + formatDate(progress[session]) : "") + ". Saved in this browser only."
        : announce ? "No longer marked complete." : "";
    }
  }

  function renderList(list, progress, message) {
    var items = list.querySelectorAll("[data-cur-session]");
    var count = 0;
    items.forEach(function (item) {
      var done = Object.prototype.hasOwnProperty.call(progress, item.dataset.curSession);
      if (done) count += 1;
      item.classList.toggle("cur-progress__item--done", done);
      item.querySelector(".cur-progress__state").textContent = done ? "Done" : "Not done yet";
    });
    list.querySelector(".cur-progress__summary").textContent =
      (message ? message + " " : "") + count + " of " + items.length + " sessions complete.";
    list.querySelector("[data-cur-progress-reset]").hidden = false;
  }

  function renderAll(announce) {
    var progress = load();
    document.querySelectorAll("[data-cur-progress-control]").forEach(function (control) {
      renderControl(control, progress, announce);
    });
    document.querySelectorAll("[data-cur-progress-list]").forEach(function (list) {
      renderList(list, progress, "");
    });
  }

  function mount() {
    document.querySelectorAll("[data-cur-progress-control]").forEach(function (control) {
      control.hidden = false;
      control.querySelector("button").addEventListener("click", function () {
        var progress = load();
        var session = control.dataset.curSession;
        if (Object.prototype.hasOwnProperty.call(progress, session)) delete progress[session];
        else progress[session] = new Date().toISOString();
        save(progress);
        renderControl(control, progress, true);
      });
    });
    document.querySelectorAll("[data-cur-progress-list]").forEach(function (list) {
      list.querySelector("[data-cur-progress-reset]").addEventListener("click", function () {
        save({});
        renderList(list, {}, "Progress reset.");
      });
    });
    renderAll(false);
  }

  /* Another tab marked a session: show it here too. */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) renderAll(false);
  });

  document$.subscribe(mount);
})();
