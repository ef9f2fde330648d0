/*
 * Slides of a session page on a fixed 16:9 canvas (the approach reveal.js
 * takes): the article is laid out at 1920x1080 logical pixels and the whole
 * canvas is scaled to the window, so a slide that fits on the facilitator's
 * laptop fits on the projector.
 *
 * Nothing is moved or cloned: the article (.md-content__inner) becomes the
 * canvas, and each slide is a set of its own elements; the others are hidden,
 * so the diagrams the build rendered keep their shadow roots. This file is the
 * canvas: showing a slide, measuring whether it fits, scaling the canvas into
 * a box of the window, and undoing it all. How a page is cut into slides is
 * present-cut.js; the slide check (scripts/curriculum/slides.py) measures the
 * result. Used by present.js (audience window) and presenter.js (presenter view).
 */
(function () {
  "use strict";

  var WIDTH = 1920;
  var HEIGHT = 1080;
  /* Top-level elements that are never part of a slide (present.css hides them). A diagram's
     "Open full size" button is left out because the slide already fits the diagram to the
     screen and a click on the diagram still opens it; the quiz score line because it is the
     presenter's own browser's score, not the room's. Cut as blocks of their own, both
     travelled to the slide after the block they belong to. */
  var SKIP = ".md-content__button, .md-source-file, .cur-progress-control, .cur-diagram-open, .cur-quiz-score, script, style, #cur-content, #cur-run-sheet";

  function visible(el) {
    return !el.classList.contains("cur-slide-hidden");
  }

  /* The canvas's content box in logical pixels. */
  function box(canvas) {
    var style = getComputedStyle(canvas);
    return {
      top: parseFloat(style.paddingTop),
      bottom: HEIGHT - parseFloat(style.paddingBottom),
      width: WIDTH - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    };
  }

  /* Lowest and rightmost edges of the shown top-level elements, in logical px
     (client rectangles divided by the canvas's scale, so zoomed blocks count at their drawn size). */
  function extent(canvas) {
    var frame = canvas.getBoundingClientRect();
    var scale = frame.width / WIDTH || 1;
    var bottom = 0;
    var right = 0;
    Array.prototype.forEach.call(canvas.children, function (el) {
      if (!visible(el) || el.offsetParent === null) return;
      var rect = el.getBoundingClientRect();
      bottom = Math.max(bottom, (rect.bottom - frame.top) / scale);
      right = Math.max(right, (rect.right - frame.left) / scale);
    });
    canvas.querySelectorAll(".md-typeset__scrollwrap, pre > code").forEach(function (el) {
      if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1) right = Math.max(right, WIDTH + el.scrollWidth - el.clientWidth);
    });
    return { bottom: bottom, right: right };
  }

  function Layout(canvas) {
    this.canvas = canvas;
    this.tagged = [];
    this.undo = [];
    this.slides = [];
  }

  /* Show exactly the elements of ``slide``; the page's H1 stays for screen readers. */
  Layout.prototype.show = function (slide) {
    var on = new Set(slide.items);
    this.tagged.forEach(function (el) {
      var shown = on.has(el);
      if (el.tagName === "H1") {
        el.classList.toggle("cur-visually-hidden", !shown);
        el.classList.remove("cur-slide-hidden");
      } else {
        el.classList.toggle("cur-slide-hidden", !shown);
      }
    });
    this.canvas.toggleAttribute("data-cur-continued", !!slide.continued);
  };

  Layout.prototype.tag = function (el) {
    if (this.tagged.indexOf(el) < 0) this.tagged.push(el);
  };

  Layout.prototype.style = function (el, name, value) {
    var before = el.style.getPropertyValue(name);
    this.undo.push(function () {
      el.style.setProperty(name, before);
      if (!el.getAttribute("style")) el.removeAttribute("style");
    });
    el.style.setProperty(name, value);
  };

  /* Does the slide as shown fit the canvas? */
  Layout.prototype.fitsNow = function () {
    var limit = box(this.canvas);
    var edge = extent(this.canvas);
    return edge.bottom <= limit.bottom + 0.5 && edge.right <= WIDTH + 0.5;
  };

  /* Does ``slide`` fit? Every tab of a tabbed block is tried; collapsed blocks count closed (fitOpened). */
  Layout.prototype.fits = function (slide) {
    var self = this;
    this.show(slide);
    var radios = [];
    slide.items.forEach(function (el) {
      if (el.matches && el.matches(".tabbed-set")) radios = radios.concat(Array.prototype.slice.call(el.querySelectorAll(":scope > input[type=radio]")));
    });
    if (!radios.length) return this.fitsNow();
    var checked = radios.filter(function (r) {
      return r.checked;
    });
    var all = radios.every(function (radio) {
      radio.checked = true;
      return self.fitsNow();
    });
    checked.forEach(function (r) {
      r.checked = true;
    });
    return all;
  };

  /* A collapsed block (an answer, a worked solution) opened in front of the room: if the slide no
     longer fits, the block is scaled down a little; if that is not enough, it takes the slide on
     its own (under the heading) and is scaled to fit. Closing it brings the slide back. */
  Layout.prototype.fitOpened = function (details, slide) {
    if (!details.dataset.curZoom) details.dataset.curZoom = details.style.zoom || "1";
    var base = Number(details.dataset.curZoom);
    var zoom = base;
    var self = this;
    details.style.zoom = String(base);
    this.show(slide);
    function shrinkTo(floor) {
      while (!self.fitsNow() && zoom > floor) {
        zoom *= 0.9;
        details.style.zoom = String(zoom);
      }
    }
    if (!details.open || this.fitsNow()) return;
    shrinkTo(0.75 * base);
    if (this.fitsNow()) return;
    var top = details;
    while (top.parentElement && top.parentElement !== this.canvas) top = top.parentElement;
    slide.items.forEach(function (el) {
      if (el !== slide.heading && el !== top && el.parentElement === self.canvas) el.classList.add("cur-slide-hidden");
    });
    zoom = base;
    details.style.zoom = String(base);
    shrinkTo(0.3);
  };

  /* What overflows on ``slide`` (logical px beyond the canvas), for the slide check. */
  Layout.prototype.measure = function (slide) {
    this.show(slide);
    var limit = box(this.canvas);
    var edge = extent(this.canvas);
    return { overflowY: Math.max(0, Math.round(edge.bottom - limit.bottom)), overflowX: Math.max(0, Math.round(edge.right - WIDTH)), fits: this.fits(slide) };
  };

  Layout.prototype.restore = function () {
    this.undo.reverse().forEach(function (fn) {
      fn();
    });
    this.undo = [];
    this.tagged.forEach(function (el) {
      el.classList.remove("cur-slide-hidden");
      if (el.tagName === "H1") el.classList.remove("cur-visually-hidden");
    });
    this.canvas.querySelectorAll("[data-cur-scale]").forEach(function (el) {
      delete el.dataset.curScale;
    });
    this.canvas.querySelectorAll("details[data-cur-zoom]").forEach(function (el) {
      el.style.zoom = el.dataset.curZoom === "1" ? "" : el.dataset.curZoom;
      delete el.dataset.curZoom;
      if (!el.getAttribute("style")) el.removeAttribute("style");
    });
    this.canvas.removeAttribute("data-cur-continued");
  };

  /* Scale the canvas into ``area`` (window pixels), centred. */
  function fit(canvas, area) {
    var scale = Math.min(area.width / WIDTH, area.height / HEIGHT);
    var left = area.left + (area.width - WIDTH * scale) / 2;
    var top = area.top + (area.height - HEIGHT * scale) / 2;
    canvas.style.transform = "translate(" + left + "px, " + top + "px) scale(" + scale + ")";
    return scale;
  }

  window.curSlides = {
    WIDTH: WIDTH,
    HEIGHT: HEIGHT,
    SKIP: SKIP,
    Layout: Layout,
    box: box,
    extent: extent,
    layout: function (canvas) {
      return new Layout(canvas);
    },
    fit: fit,
  };
})();
