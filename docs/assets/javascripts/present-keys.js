/*
 * Keys and swipes while presenting (present.js is the core).
 *
 * Keys (not while typing): next ArrowRight, ArrowDown, PageDown, Space;
 * previous ArrowLeft, ArrowUp, PageUp, Shift+Space; Home/End; a number then
 * Enter jumps; b or . blanks the screen and any key brings it back; t pauses
 * the timer; f full screen; s presenter view; n the notes panel (audience
 * window, off by default); Esc leaves. p enters presentation mode on a
 * session page. They arrive through Material's keyboard$ (which leaves out
 * keys typed into a field), except the letters Material binds itself
 * (p , n . f s /) and the key that ends a blank screen: Material's own
 * subscribers to keyboard$ would open search or change page under a slide,
 * so a capturing listener takes those first. A horizontal swipe moves
 * slides on a tablet.
 */
(function () {
  "use strict";

  var core = window.curPresent;
  var MATERIAL_KEYS = ["p", "P", ",", "n", "N", ".", "f", "F", "s", "S", "/"];

  function typing(target) {
    return !!(target && target.closest && target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
  }

  /* Keys Material binds itself, and the key that ends a blank screen: taken before Material sees them. */
  function onCapture(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    var state = core.state();
    if (!state) {
      if (key === "p" && core.mode() === "" && core.header()) {
        event.preventDefault();
        event.stopImmediatePropagation();
        core.enter();
      }
      return;
    }
    if (state.mode === "preview") return;
    if (state.blank && state.mode === "audience" && ["Shift", "Control", "Alt", "Meta", "Tab"].indexOf(key) < 0) {
      core.setBlank(false);
    } else if (MATERIAL_KEYS.indexOf(key) >= 0) {
      if (key === "f" || key === "F") core.toggleFullscreen();
      else if (key === "s" || key === "S") core.openPresenter();
      else if (key === "n" || key === "N") core.emit("notes-key");
      else if (key === ".") core.setBlank(!state.blank);
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function onKey(key) {
    var state = core.state();
    if (!state || state.mode === "preview" || key.mode !== "global") return;
    var type = key.type;
    var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
    if (/^[0-9]$/.test(type)) {
      state.jump = (state.jump || "") + type;
      core.emit("jump");
    } else if (type === "Enter" && state.jump) {
      var target = Number(state.jump) - 1;
      state.jump = "";
      core.go(target);
      core.emit("jump");
    } else if (type === "Escape" && state.jump) {
      state.jump = "";
      core.emit("jump");
    } else if (moves[type]) core.go(state.index + moves[type]);
    else if (type === " ") core.go(state.index + (key.shift ? -1 : 1));
    else if (type === "Home") core.go(0);
    else if (type === "End") core.go(state.slides.length - 1);
    else if (type === "b" || type === "B") core.setBlank(!state.blank);
    else if (type === "t" || type === "T") core.setRunning(state.timer.since === null);
    else if (type === "Escape") core.exit();
    else return;
    key.claim();
  }

  /* Shift is not in Material's key object: remember it for Shift+Space. */
  var shift = false;
  window.addEventListener(
    "keydown",
    function (event) {
      shift = event.shiftKey;
    },
    true
  );

  var touch = null;
  document.addEventListener(
    "touchstart",
    function (event) {
      if (core.state() && event.touches.length === 1) touch = { x: event.touches[0].clientX, y: event.touches[0].clientY };
    },
    { passive: true }
  );
  document.addEventListener("touchend", function (event) {
    var state = core.state();
    if (!state || !touch || state.mode === "preview") return;
    var dx = event.changedTouches[0].clientX - touch.x;
    var dy = event.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) core.go(state.index + (dx < 0 ? 1 : -1));
  });

  window.addEventListener("keydown", onCapture, true);
  keyboard$.subscribe(function (key) {
    key.shift = shift;
    onKey(key);
  });
})();
