/*
 * Any diagram opens full size: a click on it, or on the "Open full size"
 * button under it (written by the build, curriculum.diagram_page), shows a
 * copy at its natural size in a plain <dialog> (Esc or the Close button
 * closes it; the page scrolls inside it when the diagram is wider than the
 * screen). Loaded on diagram pages only
 * (partials/curriculum/diagram-assets.html). The diagrams themselves are
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

  /* The button is in the page already (curriculum.diagram_page): listeners only, no new elements. */
  function mount() {
    document.querySelectorAll(".md-typeset .mermaid").forEach(function (host) {
      if (!host.shadowRoot || !host.shadowRoot.querySelector("svg")) return;
      host.addEventListener("click", function () {
        open(host);
      });
      var button = host.nextElementSibling;
      if (button && button.matches(".cur-diagram-open")) {
        button.addEventListener("click", function () {
          open(host);
        });
      }
    });
  }

  document$.subscribe(mount);
})();
