/*
 * Presentation mode: a session page as slides, for a projector.
 *
 * One core for the three ways a page presents, chosen by ?cur-present=:
 * - (none) the audience window: enter with the header's "Present" button or
 *   the key p; its control bar is present-bar.js;
 * - "presenter" the facilitator's presenter view (presenter.js), opened by
 *   the key s or the "Presenter view" button;
 * - "preview" the next-slide preview inside the presenter view.
 * Slides come from present-slides.js; the audience window and the presenter
 * view keep each other in step through present-link.js.
 *
 * Keys (not while typing): next ArrowRight, ArrowDown, PageDown, Space;
 * previous ArrowLeft, ArrowUp, PageUp, Shift+Space; Home/End; a number then
 * Enter jumps; b or . blanks the screen and any key brings it back; t pauses
 * the timer; f full screen; s presenter view; n the notes panel (audience
 * window, off by default); Esc leaves. They arrive through Material's
 * keyboard$, except the letters Material itself binds (p , n . f s /), which
 * a capturing listener takes first so Material's search and page navigation
 * do not fire under a slide. A horizontal swipe moves slides on a tablet.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var MATERIAL_KEYS = ["p", "P", ",", "n", "N", ".", "f", "F", "s", "S", "/"];
  var state = null;
  var link = window.curPresentLink;

  function mode() {
    try {
      return new URLSearchParams(window.location.search).get("cur-present") || "";
    } catch (error) {
      return "";
    }
  }

  function header() {
    return document.querySelector(".cur-session-header[data-cur-duration]");
  }

  function runSheet() {
    var el = document.getElementById("cur-run-sheet");
    if (!el) return null;
    try {
      var sheet = JSON.parse(el.textContent);
      return sheet && Array.isArray(sheet.parts) ? sheet : null;
    } catch (error) {
      return null;
    }
  }

  function emit(type) {
    document.dispatchEvent(new CustomEvent("cur:present", { detail: { type: type, state: state } }));
  }

  function elapsed() {
    if (!state) return 0;
    var t = state.timer;
    return (t.base + (t.since === null ? 0 : Date.now() - t.since)) / 1000;
  }

  function snapshot() {
    return { type: "state", from: state.mode, index: state.index, total: state.slides.length, blank: state.blank, elapsed: elapsed(), running: state.timer.since !== null };
  }

  function share() {
    if (state && state.mode !== "preview") link.send(snapshot());
  }

  function go(index, remote) {
    if (!state) return;
    state.index = Math.max(0, Math.min(state.slides.length - 1, index));
    state.layout.show(state.slides[state.index]);
    root.dataset.curSlide = String(state.index);
    window.scrollTo(0, 0);
    emit("slide");
    if (!remote) share();
  }

  function setBlank(on, remote) {
    if (!state || state.blank === on) return;
    state.blank = on;
    root.toggleAttribute("data-cur-blank", on && state.mode === "audience");
    emit("blank");
    if (!remote) share();
  }

  function setRunning(run, remote) {
    if (!state) return;
    var t = state.timer;
    if (run && t.since === null) t.since = Date.now();
    if (!run && t.since !== null) {
      t.base += Date.now() - t.since;
      t.since = null;
    }
    emit("timer");
    if (!remote) share();
  }

  function apply(message) {
    if (!state || state.mode === "preview") return;
    if (message.type === "hello" && state.mode === "audience") return share();
    if (message.type !== "state") return;
    if (message.from === "audience") state.paired = true;
    state.timer.base = message.elapsed * 1000;
    state.timer.since = message.running ? Date.now() : null;
    if (message.index !== state.index) go(message.index, true);
    setBlank(!!message.blank, true);
    emit("timer");
    emit("paired");
  }

  /* The facilitator notes on ``slide``, copied for a notes panel. */
  function notesOf(slide) {
    var fragment = document.createDocumentFragment();
    var notes = [];
    slide.items.forEach(function (el) {
      if (el.matches(".cur-facilitator")) notes.push(el);
      else if (el.querySelectorAll) el.querySelectorAll(".cur-facilitator").forEach((n) => notes.push(n));
    });
    notes.forEach(function (note) {
      var wrapper = document.createElement("div");
      wrapper.className = "cur-present__note";
      var copy = note.cloneNode(true);
      while (copy.firstChild) wrapper.appendChild(copy.firstChild);
      fragment.appendChild(wrapper);
    });
    return { fragment: fragment, count: notes.length };
  }

  function area() {
    return state && state.area ? state.area() : { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight };
  }

  function refit() {
    if (state) state.scale = window.curSlides.fit(state.canvas, area());
  }

  function enter(options) {
    var canvas = document.querySelector(".md-content__inner");
    var head = header();
    if (state || !canvas || !head) return;
    options = options || {};
    var chosen = options.mode || "audience";
    root.setAttribute("data-cur-present", chosen);
    var layout = window.curSlides.layout(canvas);
    state = {
      mode: chosen,
      canvas: canvas,
      layout: layout,
      slides: layout.paginate(),
      index: 0,
      blank: false,
      paired: false,
      duration: Number(head.dataset.curDuration) || 0,
      sheet: runSheet(),
      timer: { base: 0, since: Date.now() },
      area: options.area || null,
      returnFocus: document.activeElement,
    };
    state.ticker = setInterval(function () {
      emit("tick");
    }, 1000);
    emit("enter");
    refit();
    go(0, true);
    if (chosen !== "preview") {
      link.open(head.dataset.curSession || window.location.pathname);
      link.send({ type: chosen === "audience" ? "state" : "hello", from: chosen, index: 0, total: state.slides.length, blank: false, elapsed: 0, running: true });
      canvas.setAttribute("tabindex", "-1");
      canvas.focus({ preventScroll: true });
    }
  }

  function exit() {
    if (!state || state.mode !== "audience") return;
    var anchor = state.slides[state.index].heading;
    clearInterval(state.ticker);
    if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
    state.layout.restore();
    state.canvas.style.removeProperty("transform");
    state.canvas.removeAttribute("tabindex");
    emit("exit");
    state = null;
    ["data-cur-present", "data-cur-blank", "data-cur-notes"].forEach((name) => root.removeAttribute(name));
    delete root.dataset.curSlide;
    if (anchor) {
      var bar = document.querySelector(".md-header");
      var offset = bar ? bar.getBoundingClientRect().height : 0;
      window.scrollTo(0, anchor.getBoundingClientRect().top + window.scrollY - offset - 8);
      if (anchor.id) history.replaceState(null, "", "#" + anchor.id);
      anchor.setAttribute("tabindex", "-1");
      anchor.focus({ preventScroll: true });
    }
  }

  function presenterUrl() {
    var url = new URL(window.location.href);
    url.hash = "";
    url.searchParams.delete("facilitator");
    url.searchParams.set("cur-present", "presenter");
    return url.href;
  }

  function openPresenter() {
    if (!state || state.mode !== "audience") return;
    var peer = link.peer();
    if (peer) return peer.focus();
    var win = window.open(presenterUrl(), "cur-presenter", "popup,width=1280,height=800");
    if (win) link.setPeer(win);
    emit(win ? "presenter" : "presenter-blocked");
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
    else if (root.requestFullscreen) root.requestFullscreen().catch(function () {});
  }

  function typing(target) {
    return !!(target && target.closest && target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
  }

  /* Keys Material binds itself, and the key that ends a blank screen: taken before Material sees them. */
  function onCapture(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var key = event.key;
    if (!state) {
      if (key === "p" && mode() === "" && header()) {
        event.preventDefault();
        event.stopImmediatePropagation();
        enter();
      }
      return;
    }
    if (state.mode === "preview") return;
    if (state.blank && state.mode === "audience" && ["Shift", "Control", "Alt", "Meta", "Tab"].indexOf(key) < 0) {
      setBlank(false);
    } else if (MATERIAL_KEYS.indexOf(key) >= 0) {
      if (key === "f" || key === "F") toggleFullscreen();
      else if (key === "s" || key === "S") openPresenter();
      else if (key === "n" || key === "N") emit("notes-key");
      else if (key === ".") setBlank(!state.blank);
    } else {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function onKey(key) {
    if (!state || state.mode === "preview" || key.mode !== "global") return;
    var type = key.type;
    var moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
    if (/^[0-9]$/.test(type)) {
      state.jump = (state.jump || "") + type;
      emit("jump");
    } else if (type === "Enter" && state.jump) {
      go(Number(state.jump) - 1);
      state.jump = "";
      emit("jump");
    } else if (type === "Escape" && state.jump) {
      state.jump = "";
      emit("jump");
    } else if (moves[type]) go(state.index + moves[type]);
    else if (type === " ") go(state.index + (key.shift ? -1 : 1));
    else if (type === "Home") go(0);
    else if (type === "End") go(state.slides.length - 1);
    else if (type === "b" || type === "B") setBlank(!state.blank);
    else if (type === "t" || type === "T") setRunning(state.timer.since === null);
    else if (type === "Escape") exit();
    else return;
    key.claim();
  }

  /* Shift is not in Material's key object: remember it for Shift+Space. */
  var shift = false;
  window.addEventListener("keydown", function (event) {
    shift = event.shiftKey;
  }, true);

  var touch = null;
  document.addEventListener("touchstart", function (event) {
    if (state && event.touches.length === 1) touch = { x: event.touches[0].clientX, y: event.touches[0].clientY };
  }, { passive: true });
  document.addEventListener("touchend", function (event) {
    if (!state || !touch || state.mode === "preview") return;
    var dx = event.changedTouches[0].clientX - touch.x;
    var dy = event.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) go(state.index + (dx < 0 ? 1 : -1));
  });

  window.addEventListener("keydown", onCapture, true);
  window.addEventListener("resize", refit);
  document.addEventListener("fullscreenchange", function () {
    refit();
    emit("fullscreen");
  });
  link.on(apply);
  /* The presenter view tells its next-slide preview which slide to show; past the last, none. */
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!state || state.mode !== "preview" || !data || data.cur !== "preview") return;
    var end = data.index >= state.slides.length;
    root.toggleAttribute("data-cur-end", end);
    if (end) state.layout.show({ items: [] });
    else go(data.index, true);
  });

  window.curPresent = {
    enter: enter,
    exit: exit,
    go: go,
    mode: mode,
    state: function () {
      return state;
    },
    elapsed: elapsed,
    setBlank: setBlank,
    setRunning: setRunning,
    notesOf: notesOf,
    refit: refit,
    openPresenter: openPresenter,
    toggleFullscreen: toggleFullscreen,
  };

  document$.subscribe(function () {
    var button = document.querySelector("[data-cur-present-start]");
    if (button && !button.dataset.curBound) {
      button.dataset.curBound = "1";
      button.addEventListener("click", function () {
        enter();
      });
    }
    if (mode() === "preview" && header()) enter({ mode: "preview" });
  });
  keyboard$.subscribe(function (key) {
    key.shift = shift;
    onKey(key);
  });
})();
