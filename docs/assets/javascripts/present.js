/*
 * Presentation mode: a session page as slides, for a projector.
 *
 * Enter with the header's "Present" button or the key "p" (not while typing).
 * Slide 1 is the title and objectives; then one slide per H2 section; a long
 * section with H3s is split at its H3s (the H2 heading repeats on each part).
 * Next: ArrowRight, ArrowDown, PageDown, Space. Previous: ArrowLeft, ArrowUp,
 * PageUp, Shift+Space. Home/End jump to the first/last slide. Esc leaves,
 * scrolled to the section of the slide that was showing.
 *
 * Nothing is moved or cloned in the page: each top-level element of the
 * article is tagged with the slides it belongs to and CSS hides the others
 * (assets/stylesheets/present.css), so the diagrams Material has already
 * rendered stay rendered. With facilitator mode on, the notes of the slide
 * show in a side panel (copies of the notes' text; the notes in the slide are
 * hidden while presenting).
 */
(function () {
  "use strict";

  var root = document.documentElement;
  /* A section longer than this many characters is split at its H3s. */
  var LONG_SECTION = 1400;
  var SKIP = ".md-content__button, .md-source-file, .cur-progress-control, script, style";

  var state = null;

  function article() {
    return document.querySelector(".md-content__inner");
  }

  function sessionHeader() {
    return document.querySelector(".cur-session-header[data-cur-duration]");
  }

  /* Tag every top-level element with the slides it shows on; return the slides. */
  function buildSlides(container) {
    var children = Array.prototype.filter.call(container.children, function (el) {
      return !el.matches(SKIP);
    });
    var sections = [];
    var current = { heading: null, elements: [] };
    children.forEach(function (el) {
      if (el.tagName === "H2") {
        sections.push(current);
        current = { heading: el, elements: [el] };
      } else {
        current.elements.push(el);
      }
    });
    sections.push(current);

    var slides = [];
    sections.forEach(function (section, index) {
      if (index === 0) {
        slides.push({ elements: section.elements, anchor: container.querySelector("h1") || section.elements[0] });
        return;
      }
      var length = section.elements.reduce(function (sum, el) {
        return sum + (el.textContent || "").length;
      }, 0);
      var hasH3 = section.elements.some(function (el) {
        return el.tagName === "H3";
      });
      if (length <= LONG_SECTION || !hasH3) {
        slides.push({ elements: section.elements, anchor: section.heading });
        return;
      }
      var part = { elements: [], anchor: section.heading };
      section.elements.forEach(function (el) {
        if (el.tagName === "H3" && part.elements.some(function (e) { return e !== section.heading; })) {
          slides.push(part);
          part = { elements: [section.heading], anchor: el };
        }
        if (el !== section.heading || part.elements.indexOf(el) < 0) part.elements.push(el);
      });
      slides.push(part);
    });
    slides.forEach(function (slide, index) {
      slide.elements.forEach(function (el) {
        var list = el.dataset.curSlides ? el.dataset.curSlides.split(" ") : [];
        list.push(String(index));
        el.dataset.curSlides = list.join(" ");
      });
    });
    children.forEach(function (el) {
      if (!el.dataset.curSlides) el.dataset.curSlides = "";
    });
    return slides;
  }

  function chrome() {
    /* A named <section> is a region landmark, so axe finds it and screen
       readers list it with the page's other landmarks. */
    var bar = document.createElement("section");
    bar.className = "cur-present__bar";
    bar.setAttribute("aria-label", "Presentation controls");
    bar.innerHTML =
      '<button type="button" class="cur-present__button" data-act="prev">Previous</button>' +
      '<span class="cur-present__counter" aria-live="polite" aria-atomic="true"><span class="cur-visually-hidden">Slide </span><span data-counter></span></span>' +
      '<button type="button" class="cur-present__button" data-act="next">Next</button>' +
      '<span class="cur-present__timer" role="timer" aria-live="off" title="Time elapsed and session length"><span class="cur-visually-hidden">Elapsed </span><span data-timer></span></span>' +
      '<button type="button" class="cur-present__button" data-act="exit">Exit <kbd>Esc</kbd></button>';
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-act]");
      if (!button) return;
      if (button.dataset.act === "prev") go(state.index - 1);
      if (button.dataset.act === "next") go(state.index + 1);
      if (button.dataset.act === "exit") exit();
    });
    var notes = document.createElement("aside");
    notes.className = "cur-present__notes";
    notes.setAttribute("aria-label", "Facilitator notes for this slide");
    notes.setAttribute("data-search-exclude", "");
    notes.setAttribute("tabindex", "0"); /* it scrolls: keyboard users can too */
    return { bar: bar, notes: notes };
  }

  function clock(seconds) {
    var m = Math.floor(seconds / 60);
    var s = Math.floor(seconds % 60);
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function tick() {
    if (!state) return;
    var elapsed = (Date.now() - state.started) / 1000;
    var timer = state.bar.querySelector("[data-timer]");
    timer.textContent = clock(elapsed) + " / " + clock(state.duration * 60);
    state.bar.classList.toggle("cur-present__bar--overrun", elapsed > state.duration * 60);
  }

  function renderNotes() {
    var slide = state.slides[state.index];
    var notes = [];
    slide.elements.forEach(function (el) {
      if (el.matches(".cur-facilitator")) notes.push(el);
      el.querySelectorAll(".cur-facilitator").forEach(function (note) {
        notes.push(note);
      });
    });
    var panel = state.notes;
    panel.innerHTML = "";
    var title = document.createElement("h2");
    title.className = "cur-present__notes-title";
    title.textContent = "Facilitator notes";
    panel.appendChild(title);
    if (!notes.length) {
      var none = document.createElement("p");
      none.textContent = "No notes for this slide.";
      panel.appendChild(none);
    }
    notes.forEach(function (note) {
      var copy = note.cloneNode(true);
      copy.removeAttribute("aria-label");
      var wrapper = document.createElement("div");
      wrapper.className = "cur-present__note";
      while (copy.firstChild) wrapper.appendChild(copy.firstChild);
      panel.appendChild(wrapper);
    });
  }

  function go(index) {
    if (!state) return;
    index = Math.max(0, Math.min(state.slides.length - 1, index));
    state.index = index;
    var key = String(index);
    state.tagged.forEach(function (el) {
      var on = el.dataset.curSlides.split(" ").indexOf(key) >= 0;
      /* The page's H1 stays for screen readers on every slide. */
      el.classList.toggle(el.tagName === "H1" ? "cur-visually-hidden" : "cur-slide-hidden", !on);
    });
    state.bar.querySelector("[data-counter]").textContent = index + 1 + " / " + state.slides.length;
    state.bar.querySelector("[data-act=prev]").disabled = index === 0;
    state.bar.querySelector("[data-act=next]").disabled = index === state.slides.length - 1;
    root.dataset.curSlide = key;
    renderNotes();
    window.scrollTo(0, 0);
  }

  function enter() {
    var container = article();
    var header = sessionHeader();
    if (state || !container || !header) return;
    var slides = buildSlides(container);
    var parts = chrome();
    document.body.appendChild(parts.notes);
    document.body.appendChild(parts.bar);
    state = {
      slides: slides,
      index: 0,
      tagged: Array.prototype.filter.call(container.children, function (el) {
        return el.dataset.curSlides !== undefined;
      }),
      bar: parts.bar,
      notes: parts.notes,
      duration: Number(header.dataset.curDuration) || 0,
      started: Date.now(),
      timer: null,
      returnFocus: document.activeElement,
    };
    root.setAttribute("data-cur-present", "");
    go(0);
    tick();
    state.timer = setInterval(tick, 1000);
    container.setAttribute("tabindex", "-1");
    container.focus({ preventScroll: true });
  }

  function exit() {
    if (!state) return;
    var anchor = state.slides[state.index].anchor;
    clearInterval(state.timer);
    state.tagged.forEach(function (el) {
      el.classList.remove("cur-slide-hidden");
      if (el.tagName === "H1") el.classList.remove("cur-visually-hidden");
      delete el.dataset.curSlides;
    });
    state.bar.remove();
    state.notes.remove();
    root.removeAttribute("data-cur-present");
    delete root.dataset.curSlide;
    var container = article();
    container.removeAttribute("tabindex");
    state = null;
    if (anchor) {
      var headerBar = document.querySelector(".md-header");
      var offset = headerBar ? headerBar.getBoundingClientRect().height : 0;
      window.scrollTo(0, anchor.getBoundingClientRect().top + window.scrollY - offset - 8);
      if (anchor.id) history.replaceState(null, "", "#" + anchor.id);
      anchor.setAttribute("tabindex", "-1");
      anchor.focus({ preventScroll: true });
    }
  }

  function typing(target) {
    return (
      target &&
      target.closest &&
      target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null
    );
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!state) {
      if ((event.key === "p" || event.key === "P") && !event.shiftKey && !typing(event.target) && sessionHeader()) {
        /* Material binds "p" to "previous page": presenting wins on session pages. */
        event.preventDefault();
        event.stopImmediatePropagation();
        enter();
      }
      return;
    }
    var handled = true;
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
      case "PageDown":
        go(state.index + 1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
      case "PageUp":
        go(state.index - 1);
        break;
      case " ":
      case "Spacebar":
        go(state.index + (event.shiftKey ? -1 : 1));
        break;
      case "Home":
        go(0);
        break;
      case "End":
        go(state.slides.length - 1);
        break;
      case "Escape":
        exit();
        break;
      case "Tab":
      case "Enter":
        handled = false;
        break;
      default:
        /* Keep Material's own shortcuts (search, next page) out of the way. */
        event.stopImmediatePropagation();
        return;
    }
    if (handled) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  window.addEventListener("keydown", onKey, true);
  document.addEventListener("cur:facilitator", function () {
    if (state) renderNotes();
  });

  function mount() {
    var button = document.querySelector("[data-cur-present-start]");
    if (button && !button.dataset.curBound) {
      button.dataset.curBound = "1";
      button.addEventListener("click", enter);
    }
  }

  window.curPresent = { enter: enter, exit: exit, go: go };

  if (typeof document$ !== "undefined") document$.subscribe(mount);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
