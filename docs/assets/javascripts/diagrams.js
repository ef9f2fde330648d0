/*
 * Any diagram opens full size: a click on it, or on the "Open full size"
 * button under it (written by the build, curriculum.diagram_page), shows a
 * copy at its natural size in a plain <dialog> (Esc or the Close button
 * closes it; the page scrolls inside it when the diagram is wider than the
 * screen). Loaded on diagram pages only (partials/curriculum/diagram-assets.html). The diagrams themselves are
 * SVG in declarative shadow roots, drawn at build time: they need no script.
 */
(function () {
  "use strict";

  function naturalWidth(svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    return box && box.width ? Math.ceil(box.width) : Math.ceil(svg.getBoundingClientRect().width);
  }

  function dialogFor(host) {
    var dialog = document.createElement("dialog");
    dialog.className = "cur-diagram-dialog";
    var label = host.shadowRoot.querySelector("svg title");
    dialog.setAttribute("aria-label", label ? label.textContent : "Diagram, full size");
    var bar = document.createElement("form");
    bar.method = "dialog";
    bar.className = "cur-diagram-dialog__bar";
    var close = document.createElement("button");
    close.className = "md-button";
    close.textContent = "Close";
    bar.appendChild(close);
    var body = document.createElement("div");
    body.className = "cur-diagram-dialog__body";
    var copy = document.createElement("div");
    copy.className = "mermaid";
    copy.attachShadow({ mode: "open" }).innerHTML = host.shadowRoot.innerHTML;
    var svg = copy.shadowRoot.querySelector("svg");
    var width = naturalWidth(host.shadowRoot.querySelector("svg"));
    svg.style.maxWidth = "none";
    svg.setAttribute("width", String(width));
    svg.removeAttribute("height");
    body.appendChild(copy);
    dialog.appendChild(bar);
    dialog.appendChild(body);
    dialog.addEventListener("close", function () {
      dialog.remove();
    });
    return dialog;
  }

  function open(host) {
    var dialog = dialogFor(host);
    document.body.appendChild(dialog);
    dialog.showModal();
  }

  /*
   * Diagrams drawn on demand (the whole-day page, curriculum.diagram_on_demand): a box with
   * the address of the diagram's SVG file. Drawn when the reader comes within a screen of it;
   * every file is fetched ahead once the browser is idle, so that printing, which cannot wait
   * for the network, draws them all at once.
   */
  var pending = {}; /* url -> the fetch under way */
  var texts = {}; /* url -> the SVG, once it has arrived */

  function fetchDiagram(url) {
    if (texts[url] !== undefined) return Promise.resolve(texts[url]);
    if (!pending[url]) {
      pending[url] = fetch(url)
        .then(function (response) {
          if (!response.ok) throw new Error(url + ": HTTP " + response.status);
          return response.text();
        })
        .then(function (text) {
          texts[url] = text;
          return text;
        })
        .finally(function () {
          delete pending[url]; /* a failed fetch is tried again next time */
        });
    }
    return pending[url];
  }

  function drawWith(host, text) {
    if (host.shadowRoot) return;
    host.attachShadow({ mode: "open" }).innerHTML = text;
    host.removeAttribute("role");
    host.removeAttribute("aria-label");
  }

  function draw(host) {
    if (host.shadowRoot) return Promise.resolve(host);
    var url = host.getAttribute("data-cur-diagram");
    return fetchDiagram(url).then(function (text) {
      drawWith(host, text);
      return host;
    });
  }

  function drawLater(hosts) {
    if (!hosts.length) return;
    var near = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        near.unobserve(entry.target);
        draw(entry.target);
      });
    }, { rootMargin: "100% 0px" });
    hosts.forEach(function (host) {
      near.observe(host);
    });
    var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 200); };
    var ahead = function () {
      idle(function () {
        hosts.forEach(function (host) {
          fetchDiagram(host.getAttribute("data-cur-diagram"));
        });
      });
    };
    window.addEventListener("load", ahead); /* document$ emits before the page's load event */
    window.addEventListener("beforeprint", function () {
      hosts.forEach(function (host) {
        var text = texts[host.getAttribute("data-cur-diagram")];
        if (text !== undefined) drawWith(host, text);
      });
    });
  }

  /* The button is in the page already (curriculum.diagram_page): listeners only, no new elements. */
  function mount() {
    var later = [];
    document.querySelectorAll(".md-typeset .mermaid").forEach(function (host) {
      var onDemand = host.hasAttribute("data-cur-diagram");
      if (onDemand) later.push(host);
      else if (!host.shadowRoot || !host.shadowRoot.querySelector("svg")) return;
      var show = function () {
        draw(host).then(open);
      };
      host.addEventListener("click", show);
      var button = host.nextElementSibling;
      if (button && button.matches(".cur-diagram-open")) button.addEventListener("click", show);
    });
    drawLater(later);
  }

  /* Every diagram of the page, drawn (tests, and anyone who needs them all now). */
  window.curDiagrams = {
    drawAll: function () {
      return Promise.all(Array.prototype.map.call(document.querySelectorAll(".md-typeset .mermaid[data-cur-diagram]"), draw));
    }
  };

  document$.subscribe(mount);
})();
