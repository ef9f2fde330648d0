/*
 * The audience window's controls while presenting (present.js is the core):
 * the control bar under the slide, the blank screen, and the notes panel.
 *
 * The room sees this window, so facilitator notes never show here unless the
 * facilitator opens the notes panel on purpose (the "Notes" button or n);
 * it starts closed every time, whatever facilitator mode says. The presenter
 * view (s) is the place for notes.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var BAR = 48; /* px: the bar's height; the slide is scaled into the rest */
  var ui = null;

  function clock(seconds) {
    var sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(seconds);
    var m = Math.floor(seconds / 60);
    var s = Math.floor(seconds % 60);
    return sign + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function button(act, label, extra) {
    return '<button type="button" class="cur-present__button" data-act="' + act + '"' + (extra || "") + ">" + label + "</button>";
  }

  function build() {
    var bar = document.createElement("section");
    bar.className = "cur-present__bar";
    bar.setAttribute("aria-label", "Presentation controls");
    bar.innerHTML =
      button("prev", "Previous") +
      '<span class="cur-present__counter" aria-live="polite" aria-atomic="true"><span class="cur-visually-hidden">Slide </span><span data-counter></span></span>' +
      button("next", "Next") +
      '<span class="cur-present__jump" aria-live="polite" data-jump></span>' +
      '<span class="cur-present__timer" role="timer" aria-live="off" title="Time elapsed and session length"><span class="cur-visually-hidden">Elapsed </span><span data-timer></span></span>' +
      button("pause", "Pause timer", ' aria-pressed="false" title="Pause or resume the timer (T)"') +
      button("notes", "Notes", ' aria-pressed="false" title="Facilitator notes on this screen (N): the room sees them"') +
      button("presenter", "Presenter view", ' title="Open the presenter view in a second window (S)"') +
      button("fullscreen", "Full screen", ' aria-pressed="false" title="Full screen (F)"') +
      button("exit", "Exit <kbd>Esc</kbd>");
    bar.addEventListener("click", function (event) {
      var target = event.target.closest("button[data-act]");
      var core = window.curPresent;
      var state = core.state();
      if (!target || !state) return;
      var act = target.dataset.act;
      if (act === "prev") core.go(state.index - 1);
      if (act === "next") core.go(state.index + 1);
      if (act === "pause") core.setRunning(state.timer.since === null);
      if (act === "notes") toggleNotes();
      if (act === "presenter") core.openPresenter();
      if (act === "fullscreen") core.toggleFullscreen();
      if (act === "exit") core.exit();
    });
    var notes = document.createElement("aside");
    notes.className = "cur-present__notes";
    notes.setAttribute("aria-label", "Facilitator notes for this slide");
    notes.setAttribute("data-search-exclude", "");
    notes.setAttribute("tabindex", "0"); /* it scrolls: keyboard users can too */
    notes.hidden = true;
    var blank = document.createElement("div");
    blank.className = "cur-present__blank";
    blank.setAttribute("role", "status");
    blank.innerHTML = '<span class="cur-visually-hidden">Screen blanked: press any key to show the slide again.</span>';
    var status = document.createElement("p");
    status.className = "cur-present__status";
    status.setAttribute("role", "status");
    bar.appendChild(status);
    document.body.appendChild(notes);
    document.body.appendChild(blank);
    document.body.appendChild(bar);
    return { bar: bar, notes: notes, blank: blank, status: status, notesOn: false };
  }

  function area() {
    var width = window.innerWidth * (ui && ui.notesOn ? 0.7 : 1);
    return { left: 0, top: 0, width: width, height: Math.max(100, window.innerHeight - BAR) };
  }

  function renderNotes() {
    var state = window.curPresent.state();
    if (!ui || !state) return;
    ui.notes.innerHTML = '<h2 class="cur-present__notes-title">Facilitator notes</h2>';
    var notes = window.curPresent.notesOf(state.slides[state.index]);
    if (!notes.count) ui.notes.insertAdjacentHTML("beforeend", "<p>No notes for this slide.</p>");
    ui.notes.appendChild(notes.fragment);
  }

  function toggleNotes() {
    ui.notesOn = !ui.notesOn;
    ui.notes.hidden = !ui.notesOn;
    root.toggleAttribute("data-cur-notes", ui.notesOn);
    ui.bar.querySelector("[data-act=notes]").setAttribute("aria-pressed", String(ui.notesOn));
    renderNotes();
    window.curPresent.refit();
  }

  function tick(state) {
    var elapsed = window.curPresent.elapsed();
    ui.bar.querySelector("[data-timer]").textContent = clock(elapsed) + " / " + clock(state.duration * 60);
    ui.bar.classList.toggle("cur-present__bar--overrun", elapsed > state.duration * 60);
    var paused = state.timer.since === null;
    var pause = ui.bar.querySelector("[data-act=pause]");
    pause.setAttribute("aria-pressed", String(paused));
    pause.textContent = paused ? "Resume timer" : "Pause timer";
  }

  document.addEventListener("cur:present", function (event) {
    var type = event.detail.type;
    var state = event.detail.state;
    if (!state || state.mode !== "audience") return;
    if (type === "enter") {
      ui = build();
      state.area = area;
      return;
    }
    if (!ui) return;
    if (type === "exit") {
      ui.bar.remove();
      ui.notes.remove();
      ui.blank.remove();
      ui = null;
      return;
    }
    if (type === "slide") {
      ui.bar.querySelector("[data-counter]").textContent = state.index + 1 + " / " + state.slides.length;
      ui.bar.querySelector("[data-act=prev]").disabled = state.index === 0;
      ui.bar.querySelector("[data-act=next]").disabled = state.index === state.slides.length - 1;
      if (ui.notesOn) renderNotes();
    }
    if (type === "notes-key") toggleNotes();
    if (type === "jump") ui.bar.querySelector("[data-jump]").textContent = state.jump ? "Go to slide " + state.jump + " (Enter)" : "";
    if (type === "fullscreen") ui.bar.querySelector("[data-act=fullscreen]").setAttribute("aria-pressed", String(!!document.fullscreenElement));
    if (type === "presenter-blocked") ui.status.textContent = "The browser blocked the presenter window: allow pop-ups for this site, then press S again.";
    if (type === "presenter") ui.status.textContent = "";
    tick(state);
  });
})();
