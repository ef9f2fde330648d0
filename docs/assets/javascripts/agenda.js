/*
 * Agenda: highlights the row running now by the reader's clock.
 *
 * The agenda table is rendered at build time (<!-- cur:agenda -->); each row
 * carries data-start and data-end as HH:MM. The schedule has no calendar
 * date, so the row is matched by time of day, on any day: a facilitator sees
 * where the room should be, and a reader out of hours sees no highlight.
 * The row gets aria-current="time" and a visible "(running now)" label,
 * checked again every 30 seconds. Mounts from Material's document$ (once per
 * page load: instant navigation is off).
 */
(function () {
  "use strict";

  function minutes(hhmm) {
    var parts = /^(\d\d):(\d\d)$/.exec(hhmm || "");
    return parts ? Number(parts[1]) * 60 + Number(parts[2]) : NaN;
  }

  function mark() {
    var now = new Date();
    var current = now.getHours() * 60 + now.getMinutes();
    document.querySelectorAll(".cur-agenda tr[data-start][data-end]").forEach(function (row) {
      var on = minutes(row.dataset.start) <= current && current < minutes(row.dataset.end);
      row.classList.toggle("cur-agenda__row--now", on);
      if (on) row.setAttribute("aria-current", "time");
      else row.removeAttribute("aria-current");
      var label = row.querySelector(".cur-agenda__now");
      if (label) label.hidden = !on;
    });
  }

  function mount() {
    if (!document.querySelector(".cur-agenda")) return;
    mark();
    setInterval(mark, 30 * 1000);
  }

  document$.subscribe(mount);
})();
