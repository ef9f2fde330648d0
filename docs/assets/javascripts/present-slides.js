/*
 * Slides of a session page on a fixed 16:9 canvas (the approach reveal.js
 * takes): the article is laid out at 1920x1080 logical pixels and the whole
 * canvas is scaled to the window, so a slide that fits on the facilitator's
 * laptop fits on the projector.
 *
 * Nothing is moved or cloned: the article (.md-content__inner) becomes the
 * canvas, and each slide is a set of its own elements; the others are hidden.
 * Slides are cut by laying them out for real and measuring:
 * - slide 1 is the title and objectives; then each H2 section;
 * - a section longer than a slide continues on the next at a block boundary,
 *   its heading repeated and marked as a continuation;
 * - a large diagram (the section's centrepiece) gets a slide of its own;
 *   every diagram is scaled to the height left on its slide;
 * - a table, list or boxed block taller than a slide is split by rows, items
 *   or paragraphs; a table too wide is scaled down as a figure;
 * - a block that still cannot fit is scaled down and reported (shrunk), which
 *   the slide check (scripts/curriculum/slides.py) names with file and line.
 * Used by present.js (audience window) and presenter.js (presenter view).
 */
(function () {
  "use strict";

  var WIDTH = 1920;
  var HEIGHT = 1080;
  /* Top-level elements that are never part of a slide. */
  var SKIP = ".md-content__button, .md-source-file, .cur-progress-control, script, style, #cur-content, #cur-run-sheet";
  /* A diagram taller than this share of the slide's body is a centrepiece. */
  var CENTREPIECE = 0.55;
  /* A diagram is not squeezed under this share of the body: it moves on. */
  var MIN_DIAGRAM = 0.4;
  /* Diagram scale: drawn at this size when there is room, at most GROW. */
  var BASE_SCALE = 1.25;
  var GROW = 1.8;
  /* Tables and code may be scaled down as figures, to this factor, without being reported. */
  var FIGURE = ".md-typeset__scrollwrap, .highlight, pre";
  var MIN_FIGURE = 0.6;

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

  function diagramSvg(el) {
    if (!el.matches(".mermaid")) return null;
    var svg = el.shadowRoot && el.shadowRoot.querySelector("svg");
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) return null;
    return svg;
  }

  /* A diagram's drawn size at scale 1: its own max-width, or its viewBox. */
  function diagramBase(svg) {
    var view = svg.viewBox.baseVal;
    var width = parseFloat(svg.style.maxWidth) || view.width;
    return { width: width, height: (width * view.height) / view.width };
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

  /* Does ``slide`` fit? Every tab of a tabbed block is tried. */
  Layout.prototype.fits = function (slide) {
    this.show(slide);
    var limit = box(this.canvas);
    var canvas = this.canvas;
    var radios = [];
    slide.items.forEach(function (el) {
      if (el.matches && el.matches(".tabbed-set")) radios = radios.concat(Array.prototype.slice.call(el.querySelectorAll(":scope > input[type=radio]")));
    });
    function ok() {
      var edge = extent(canvas);
      return edge.bottom <= limit.bottom + 0.5 && edge.right <= WIDTH + 0.5;
    }
    if (!radios.length) return ok();
    var checked = radios.filter(function (r) {
      return r.checked;
    });
    var all = radios.every(function (radio) {
      radio.checked = true;
      return ok();
    });
    checked.forEach(function (r) {
      r.checked = true;
    });
    return all;
  };

  Layout.prototype.newSlide = function (section, continued) {
    return { section: section.index, heading: section.heading, continued: continued, items: section.heading ? [section.heading] : [], notes: [], shrunk: [], diagrams: [] };
  };

  function content(slide) {
    return slide.items.filter(function (el) {
      return el !== slide.heading && !el.matches(".cur-facilitator");
    }).length;
  }

  /* Scale tables and code too wide for the canvas, as figures. */
  Layout.prototype.fitWidth = function (block) {
    var self = this;
    var wide = block.matches(".md-typeset__scrollwrap") ? [block] : Array.prototype.slice.call(block.querySelectorAll(".md-typeset__scrollwrap, pre"));
    wide.forEach(function (el) {
      var inner = el.matches("pre") ? el.querySelector("code") || el : el;
      /* A table re-wraps at each zoom: a few rounds settle on the largest zoom that fits. */
      for (var round = 0; round < 4 && inner.scrollWidth > inner.clientWidth + 1; round += 1) {
        var zoom = Number(el.style.zoom) || 1;
        self.style(el, "zoom", String(Math.max(0.4, (zoom * inner.clientWidth) / inner.scrollWidth)));
      }
    });
  };

  Layout.prototype.sizeDiagram = function (el, scale) {
    var svg = diagramSvg(el);
    var base = diagramBase(svg);
    var limit = box(this.canvas);
    scale = Math.min(scale, limit.width / base.width);
    this.style(svg, "max-width", "none");
    this.style(svg, "width", base.width * scale + "px");
    this.style(svg, "height", base.height * scale + "px");
    el.dataset.curScale = String(scale);
  };

  /* Space left (logical px) on ``slide`` for ``el`` drawn at a token height. */
  Layout.prototype.roomFor = function (slide, el) {
    var svg = diagramSvg(el);
    var base = diagramBase(svg);
    this.sizeDiagram(el, 10 / base.height);
    this.show(slide);
    return box(this.canvas).bottom - extent(this.canvas).bottom + 10;
  };

  Layout.prototype.placeDiagram = function (slide, el) {
    var base = diagramBase(diagramSvg(el));
    var room = this.roomFor(slide, el);
    this.sizeDiagram(el, Math.min(BASE_SCALE, room / base.height));
    slide.diagrams.push(el);
  };

  /* Split a block too tall for a slide into parts; return the slide to continue on. */
  Layout.prototype.split = function (block, slide, section, push) {
    var parts;
    var keep = [];
    var list = block.matches("ol, ul") ? block : null;
    if (block.querySelector(":scope table tbody, :scope > table > tbody")) parts = Array.prototype.slice.call(block.querySelectorAll("tbody > tr"));
    else if (list) parts = Array.prototype.slice.call(block.children);
    else if (block.matches(".admonition, details")) {
      keep = Array.prototype.filter.call(block.children, function (c) {
        return c.matches(".admonition-title, summary");
      });
      parts = Array.prototype.filter.call(block.children, function (c) {
        return keep.indexOf(c) < 0;
      });
    }
    if (!parts || parts.length < 2) return this.shrink(block, slide);
    var self = this;
    if (list && list.tagName === "OL") {
      var start = Number(list.getAttribute("start")) || 1;
      parts.forEach(function (li, i) {
        if (!li.hasAttribute("value")) {
          li.setAttribute("value", String(start + i));
          self.undo.push(function () {
            li.removeAttribute("value");
          });
        }
      });
    }
    parts.forEach(function (p) {
      self.tag(p);
    });
    slide.items.push(block);
    var count = 0;
    parts.forEach(function (part) {
      slide.items.push(part);
      count += 1;
      if (self.fits(slide)) return;
      if (count > 1) {
        slide.items.pop();
        push(slide);
        slide = self.newSlide(section, true);
        slide.items.push(block, part);
        count = 1;
        if (self.fits(slide)) return;
      }
      self.shrink(block, slide);
    });
    return slide;
  };

  /* Last resort: scale ``block`` down until the slide fits, and say so. */
  Layout.prototype.shrink = function (block, slide) {
    if (slide.items.indexOf(block) < 0) slide.items.push(block);
    var zoom = Number(block.style.zoom) || 1;
    while (!this.fits(slide) && zoom > 0.2) {
      zoom = Math.max(0.2, zoom * 0.9);
      this.style(block, "zoom", String(zoom));
    }
    var figure = block.matches(FIGURE) && zoom >= MIN_FIGURE;
    slide.shrunk.push({ tag: block.tagName.toLowerCase(), text: (block.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60), zoom: Math.round(zoom * 100) / 100, figure: figure });
    return slide;
  };

  Layout.prototype.paginateSection = function (section) {
    var self = this;
    var out = [];
    function push(s) {
      out.push(s);
    }
    var slide = this.newSlide(section, false);
    section.blocks.forEach(function (block) {
      if (block.matches(".cur-facilitator")) {
        /* A note belongs with the block before it: after a slide was closed, with that slide. */
        var owner = !content(slide) && out.length ? out[out.length - 1] : slide;
        owner.items.push(block);
        owner.notes.push(block);
        return;
      }
      var svg = diagramSvg(block);
      if (svg) {
        var base = diagramBase(svg);
        var centre = base.height * BASE_SCALE > CENTREPIECE * (box(self.canvas).bottom - box(self.canvas).top);
        if (centre && content(slide)) {
          push(slide);
          slide = self.newSlide(section, true);
        }
        slide.items.push(block);
        self.placeDiagram(slide, block);
        var room = Number(block.dataset.curScale) * base.height;
        var small = room < MIN_DIAGRAM * (box(self.canvas).bottom - box(self.canvas).top) && room < base.height;
        if (small && content(slide) > 1) {
          slide.items.pop();
          push(slide);
          slide = self.newSlide(section, true);
          slide.items.push(block);
          self.placeDiagram(slide, block);
        }
        if (!self.fits(slide)) self.shrink(block, slide);
        if (centre) {
          push(slide);
          slide = self.newSlide(section, true);
        }
        return;
      }
      slide.items.push(block);
      self.show(slide);
      self.fitWidth(block);
      if (self.fits(slide)) return;
      slide.items.pop();
      if (content(slide)) {
        push(slide);
        slide = self.newSlide(section, true);
        slide.items.push(block);
        if (self.fits(slide)) return;
        slide.items.pop();
      }
      slide = self.split(block, slide, section, push);
    });
    if (content(slide) || !out.length) push(slide);
    else {
      var last = out[out.length - 1];
      slide.notes.forEach(function (note) {
        last.items.push(note);
        last.notes.push(note);
      });
    }
    return out;
  };

  /* Give each diagram the room its slide has left, up to GROW. */
  Layout.prototype.grow = function (slide) {
    var self = this;
    slide.diagrams.forEach(function (el) {
      var base = diagramBase(diagramSvg(el));
      var scale = Number(el.dataset.curScale);
      self.show(slide);
      var spare = box(self.canvas).bottom - extent(self.canvas).bottom;
      if (spare <= 1 || scale >= GROW) return;
      self.sizeDiagram(el, Math.min(GROW, scale + spare / base.height));
      if (!self.fits(slide)) self.sizeDiagram(el, scale);
    });
  };

  /* Cut the article into slides; the canvas must already be in presentation layout. */
  Layout.prototype.paginate = function () {
    var self = this;
    var children = Array.prototype.filter.call(this.canvas.children, function (el) {
      return !el.matches(SKIP);
    });
    children.forEach(function (el) {
      self.tag(el);
    });
    var sections = [{ index: 0, heading: this.canvas.querySelector(":scope > h1"), blocks: [] }];
    children.forEach(function (el) {
      if (el.tagName === "H2") sections.push({ index: sections.length, heading: el, blocks: [] });
      else if (el !== sections[0].heading) sections[sections.length - 1].blocks.push(el);
    });
    var slides = [];
    sections.forEach(function (section) {
      slides = slides.concat(self.paginateSection(section));
    });
    slides.forEach(function (slide) {
      self.grow(slide);
    });
    this.slides = slides;
    return slides;
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
    layout: function (canvas) {
      return new Layout(canvas);
    },
    fit: fit,
  };
})();
