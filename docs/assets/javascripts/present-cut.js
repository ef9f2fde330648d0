/*
 * How presentation mode cuts a session page into slides: methods added to
 * the canvas layout of present-slides.js. Each slide is built by adding the
 * next block, laying the slide out and measuring it (Layout.fits):
 * - slide 1 is the title and objectives; then each H2 section;
 * - a section longer than a slide continues on the next at a block boundary,
 *   its heading repeated and marked as a continuation;
 * - a diagram taller than CENTREPIECE of the body gets a slide of its own;
 *   every diagram is scaled to the room left on its slide, then grown into
 *   spare room up to GROW;
 * - a table, list or boxed block taller than a slide is split by rows, items
 *   or paragraphs; tables and code too wide are scaled down as figures;
 * - a block that still cannot fit is scaled down and recorded in the
 *   slide's "shrunk" list, which the slide check reports.
 * A facilitator note goes with the slide of the block before it.
 */
(function () {
  "use strict";

  var S = window.curSlides;
  var Layout = S.Layout;
  var box = S.box;
  var extent = S.extent;
  var SKIP = S.SKIP;

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

})();
