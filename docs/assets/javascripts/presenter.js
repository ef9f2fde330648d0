/*
 * The presenter view: the facilitator's second window (?cur-present=presenter),
 * opened from the audience window with s or the "Presenter view" button.
 *
 * It shows the current slide (this page's own canvas, scaled into its box),
 * the next slide (the same page in an inert frame, ?cur-present=preview),
 * the facilitator notes of the current slide, the elapsed and remaining time,
 * the clock, and the pace: where the session's run sheet (the JSON in
 * #cur-run-sheet: parts in page order, each starting at an H2 anchor) says
 * the room should be by now; without a run sheet, the session's duration
 * spread evenly over the slides. Moving here moves the audience window and
 * the other way round (present-link.js). Opened on its own, it says how to
 * pair it with the window the room sees.
 */
(function () {
  "use strict";

  var ui = null;
  var PAIRING_WAIT = 1500; /* ms without word from an audience window before the pairing help shows */

  function two(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function minutes(seconds) {
    var sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(Math.round(seconds));
    return sign + two(Math.floor(seconds / 60)) + ":" + two(seconds % 60);
  }

  function previewUrl() {
    var url = new URL(window.location.href);
    url.hash = "";
    url.searchParams.set("cur-present", "preview");
    return url.href;
  }

  function build() {
    var view = document.createElement("div");
    view.className = "cur-presenter";
    view.innerHTML =
      '<section class="cur-presenter__current" aria-label="Current slide"><h1 class="cur-presenter__label">Presenter view: <span data-title></span></h1><div class="cur-presenter__stage" data-stage></div></section>' +
      '<section class="cur-presenter__next" aria-label="Next slide"><h2 class="cur-presenter__label">Next</h2><iframe class="cur-presenter__frame" title="Next slide" inert></iframe></section>' +
      '<section class="cur-presenter__controls" aria-label="Presenter controls">' +
      '<button type="button" class="cur-present__button" data-act="prev">Previous</button>' +
      '<span class="cur-present__counter" aria-live="polite" aria-atomic="true"><span class="cur-visually-hidden">Slide </span><span data-counter></span></span>' +
      '<button type="button" class="cur-present__button" data-act="next">Next</button>' +
      '<button type="button" class="cur-present__button" data-act="blank" aria-pressed="false" title="Blank the room\'s screen (B)">Blank screen</button>' +
      '<button type="button" class="cur-present__button" data-act="pause" aria-pressed="false" title="Pause or resume the timer (T)">Pause timer</button>' +
      '<span class="cur-present__jump" aria-live="polite" data-jump></span></section>' +
      '<section class="cur-presenter__time" aria-label="Time">' +
      '<dl><div><dt>Elapsed</dt><dd><span role="timer" data-elapsed></span></dd></div><div><dt>Remaining</dt><dd data-remaining></dd></div>' +
      '<div><dt>Clock</dt><dd data-clock></dd></div></dl><p class="cur-presenter__pace" data-pace></p></section>' +
      '<section class="cur-presenter__notes" aria-label="Facilitator notes" tabindex="0"><h2 class="cur-presenter__label">Notes</h2><div data-notes></div></section>' +
      '<p class="cur-presenter__pairing" role="status" data-pairing></p>';
    view.addEventListener("click", function (event) {
      var target = event.target.closest("button[data-act]");
      var core = window.curPresent;
      var state = core.state();
      if (!target || !state) return;
      if (target.dataset.act === "prev") core.go(state.index - 1);
      if (target.dataset.act === "next") core.go(state.index + 1);
      if (target.dataset.act === "blank") core.setBlank(!state.blank);
      if (target.dataset.act === "pause") core.setRunning(state.timer.since === null);
    });
    document.body.appendChild(view);
    var title = document.querySelector(".md-content__inner > h1");
    view.querySelector("[data-title]").textContent = title ? title.textContent : document.title;
    var frame = view.querySelector("iframe");
    frame.addEventListener("load", showNext);
    frame.src = previewUrl();
    return { view: view, frame: frame, stage: view.querySelector("[data-stage]") };
  }

  function area() {
    var rect = ui.stage.getBoundingClientRect();
    return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  }

  function showNext() {
    var state = window.curPresent.state();
    if (ui && ui.frame.contentWindow && state) ui.frame.contentWindow.postMessage({ cur: "preview", index: state.index + 1 }, "*");
  }

  /* Start and end (minutes) of where the room should be at ``state``'s slide. */
  function plan(state) {
    var slide = state.slides[state.index];
    var sheet = state.sheet;
    if (sheet && sheet.parts.length) {
      var headings = Array.prototype.slice.call(state.canvas.querySelectorAll(":scope > h2"));
      var section = slide.section;
      var start = 0;
      var found = null;
      sheet.parts.forEach(function (part) {
        var at = part.anchor ? headings.indexOf(document.getElementById(part.anchor)) + 1 : -1;
        if (at > 0 && at <= section) found = { title: part.title, start: start, end: start + part.minutes };
        else if (found && at < 0 && found.end === start) found.end = start + part.minutes;
        start += Number(part.minutes) || 0;
      });
      if (!found) found = { title: sheet.parts[0].title, start: 0, end: Number(sheet.parts[0].minutes) || 0 };
      found.source = "run sheet";
      return found;
    }
    var each = state.duration / state.slides.length;
    return { title: null, start: state.index * each, end: (state.index + 1) * each, source: "duration" };
  }

  function pace(state) {
    var now = window.curPresent.elapsed() / 60;
    var where = plan(state);
    var basis = where.source === "run sheet" ? "run sheet" : "session's " + state.duration + " minutes spread over its slides (this page has no run sheet)";
    var part = where.title ? ' ("' + where.title + '")' : "";
    if (now < where.start - 0.5) return { cls: "ahead", text: "Ahead by " + Math.round(where.start - now) + " min: by the " + basis + ", this slide" + part + " starts at " + Math.round(where.start) + " min." };
    if (now > where.end + 0.5) return { cls: "behind", text: "Behind by " + Math.round(now - where.end) + " min: by the " + basis + ", this slide" + part + " ends at " + Math.round(where.end) + " min." };
    return { cls: "on", text: "On time: by the " + basis + ", this slide" + part + " runs from " + Math.round(where.start) + " to " + Math.round(where.end) + " min." };
  }

  function render(type, state) {
    var q = function (sel) {
      return ui.view.querySelector(sel);
    };
    var elapsed = window.curPresent.elapsed();
    q("[data-elapsed]").textContent = minutes(elapsed);
    q("[data-remaining]").textContent = minutes(state.duration * 60 - elapsed);
    var now = new Date();
    q("[data-clock]").textContent = two(now.getHours()) + ":" + two(now.getMinutes());
    var p = pace(state);
    q("[data-pace]").textContent = p.text;
    q("[data-pace]").dataset.pace = p.cls;
    var paused = state.timer.since === null;
    q("[data-act=pause]").textContent = paused ? "Resume timer" : "Pause timer";
    q("[data-act=pause]").setAttribute("aria-pressed", String(paused));
    q("[data-act=blank]").setAttribute("aria-pressed", String(state.blank));
    q("[data-act=blank]").textContent = state.blank ? "Show the slide" : "Blank screen";
    ui.view.toggleAttribute("data-blank", state.blank);
    q("[data-jump]").textContent = state.jump ? "Go to slide " + state.jump + " (Enter)" : "";
    if (type === "slide" || type === "enter") {
      q("[data-counter]").textContent = state.index + 1 + " / " + state.slides.length;
      q("[data-act=prev]").disabled = state.index === 0;
      q("[data-act=next]").disabled = state.index === state.slides.length - 1;
      var notes = window.curPresent.notesOf(state.slides[state.index]);
      var box = q("[data-notes]");
      box.innerHTML = notes.count ? "" : "<p>No notes for this slide.</p>";
      box.appendChild(notes.fragment);
      showNext();
    }
    if (type === "paired" || type === "waited") {
      var help = q("[data-pairing]");
      help.hidden = state.paired;
      if (!state.paired && state.left) {
        help.textContent =
          "The room's screen has left presentation mode. Press Present (or P) in that window to go on: this view follows it again.";
      } else if (!state.paired) {
        help.textContent =
          "Not connected to the room's screen. To pair: in the window the room sees, open this session and press Present (or P), then press S there " +
          "(or its \u201cPresenter view\u201d button): a connected presenter view opens." +
          (window.curPresentLink.channels().broadcast ? " A window of this browser that is already presenting this session connects by itself." : "") +
          " Until then this view runs on its own.";
      }
    }
  }

  document.addEventListener("cur:present", function (event) {
    var state = event.detail.state;
    if (!state || state.mode !== "presenter") return;
    if (event.detail.type === "enter") {
      ui = build();
      state.area = area;
      window.setTimeout(function () {
        document.dispatchEvent(new CustomEvent("cur:present", { detail: { type: "waited", state: state } }));
      }, PAIRING_WAIT);
    }
    if (ui) render(event.detail.type, state);
  });

  document$.subscribe(function () {
    if (window.curPresent.mode() === "presenter" && document.querySelector(".cur-session-header")) {
      document.title = "Presenter view: " + document.title;
      window.curPresent.enter({ mode: "presenter" });
    }
  });
})();
