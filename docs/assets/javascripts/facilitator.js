/*
 * Facilitator mode: shows the facilitator notes (".cur-facilitator") to the
 * person running the room.
 *
 * The mode itself is the attribute data-cur-facilitator on <html>, which an
 * inline script in overrides/main.html sets before the page paints (from
 * ?facilitator=1 / ?facilitator=0 or localStorage "cur-facilitator"); the CSS
 * keys on it. This file mounts the header buttons (rendered hidden by
 * overrides/partials/curriculum/toolbar.html, moved into the header row by
 * overrides/main.html)
 * and makes the "Facilitator mode" toggle work. Other scripts hear about
 * changes through the "cur:facilitator" event on document.
 *
 * Like every script of the curriculum, it mounts from Material's document$,
 * which emits once per page load because instant navigation is off.
 */
(function () {
  "use strict";

  var KEY = "cur-facilitator";
  var root = document.documentElement;

  function isOn() {
    return root.hasAttribute("data-cur-facilitator");
  }

  function setMode(on) {
    root.toggleAttribute("data-cur-facilitator", on);
    try {
      if (on) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch (error) {
      /* Storage refused (private mode): the mode still applies to this page. */
    }
    sync();
    document.dispatchEvent(new CustomEvent("cur:facilitator", { detail: { on: on } }));
  }

  function sync() {
    document.querySelectorAll("[data-cur-facilitator-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(isOn()));
    });
  }

  function mount() {
    /* Already in the header row: overrides/main.html puts it there while the header is parsed. */
    var toolbar = document.querySelector("[data-cur-toolbar]");
    if (!toolbar) return;
    toolbar.hidden = false;
    var present = toolbar.querySelector("[data-cur-present-start]");
    if (present) present.hidden = !document.querySelector(".cur-session-header[data-cur-duration]");
    var toggle = toolbar.querySelector("[data-cur-facilitator-toggle]");
    if (toggle) {
      toggle.addEventListener("click", function () {
        setMode(!isOn());
      });
    }
    sync();
  }

  window.curFacilitator = { isOn: isOn, set: setMode };

  document$.subscribe(mount);
})();
