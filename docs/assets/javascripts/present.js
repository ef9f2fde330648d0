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
 * Keys, swipes and their reasons are in present-keys.js.
 */
(function () {
  "use strict";

  var root = document.documentElement;
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

  /* Which collapsed blocks (answers, worked solutions) are open, by their order on the page. */
  function openDetails() {
    var open = [];
    state.canvas.querySelectorAll("details").forEach(function (d, i) {
      if (d.open) open.push(i);
    });
    return open.join(" ");
  }

  function snapshot() {
    return {
      type: "state",
      from: state.mode,
      index: state.index,
      total: state.slides.length,
      blank: state.blank,
      elapsed: elapsed(),
      running: state.timer.since !== null,
      open: openDetails(),
    };
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
    if (message.type === "exit" && message.from === "audience" && state.mode === "presenter") {
      /* The room's window left presentation mode: say so, until it presents again. */
      state.paired = false;
      state.left = true;
      return emit("paired");
    }
    if (message.type !== "state") return;
    if (message.from === "audience") {
      state.paired = true;
      state.left = false;
    }
    state.timer.base = message.elapsed * 1000;
    state.timer.since = message.running ? Date.now() : null;
    if (message.index !== state.index) go(message.index, true);
    setBlank(!!message.blank, true);
    if (typeof message.open === "string" && message.open !== openDetails()) {
      /* Opening an answer in either window opens it in the other; the toggles this causes are not sent back. */
      state.remoteOpen = message.open;
      var open = message.open ? message.open.split(" ").map(Number) : [];
      state.canvas.querySelectorAll("details").forEach(function (d, i) {
        d.open = open.indexOf(i) >= 0;
      });
    }
    emit("timer");
    emit("paired");
  }

  /* The facilitator notes on ``slide``, copied for a notes panel. */
  function notesOf(slide) {
    var fragment = document.createDocumentFragment();
    var notes = [];
    slide.items.forEach(function (el) {
      if (el.matches(".cur-facilitator")) notes.push(el);
      else if (el.querySelectorAll) el.querySelectorAll(".cur-facilitator").forEach(function (n) {
          notes.push(n);
        });
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
      link.open((head.dataset.curSession || "") + " " + window.location.pathname);
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
    link.send({ type: "exit", from: "audience" });
    emit("exit");
    state = null;
    ["data-cur-present", "data-cur-blank", "data-cur-notes", "data-cur-end"].forEach(function (name) {
      root.removeAttribute(name);
    });
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

  window.addEventListener("resize", refit);
  document.addEventListener("fullscreenchange", function () {
    refit();
    emit("fullscreen");
  });
  link.on(apply);
  /* "toggle" does not bubble: listen in the capture phase for any collapsed block on a slide. */
  document.addEventListener(
    "toggle",
    function (event) {
      if (!state || !event.target.matches || !event.target.matches("details") || !state.canvas.contains(event.target)) return;
      state.layout.fitOpened(event.target, state.slides[state.index]);
      if (openDetails() !== state.remoteOpen) share();
    },
    true
  );
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
    header: header,
    emit: emit,
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
})();
