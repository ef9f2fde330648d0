/*
 * Tooltips for glossary terms (and every other element with a title in the
 * article), built only when a reader points at or focuses one.
 *
 * Material's content.tooltips feature mounts a tooltip component on every
 * such element when the page loads: on the whole-day page (about 400 of
 * them) that mounting was half the main thread's start-up work on a
 * throttled phone (DECISIONS.md, "Reach"). This script
 * draws the same tooltip (Material's md-tooltip2 markup, so Material's CSS
 * styles it) from one delegated listener and one shared element, so the cost
 * no longer grows with the number of terms. Without JavaScript the title
 * attribute stays, and the browser shows it as its own tooltip. Like every
 * script of the curriculum it mounts from Material's document$ (once per
 * page load) and takes Escape from Material's keyboard$.
 */
(function () {
  "use strict";

  var HOSTS = '[data-md-component="content"] [title]:not([data-preview])';
  var HIDE_DELAY = 250; // ms, as Material: the pointer may move onto the tooltip
  var ID = "cur-tooltip";

  var tooltip = null; // the shared element, created on first use
  var host = null; // the element whose title is shown
  var title = "";
  var hideTimer = 0;

  function element() {
    if (tooltip) return tooltip;
    tooltip = document.createElement("div");
    tooltip.className = "md-tooltip2 md-tooltip2--bottom";
    tooltip.id = ID;
    tooltip.setAttribute("role", "tooltip");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    tooltip.appendChild(inner);
    document.body.appendChild(tooltip);
    return tooltip;
  }

  function show(target) {
    clearTimeout(hideTimer);
    if (target === host) return;
    release();
    host = target;
    title = target.getAttribute("title");
    // The browser would show its own tooltip on top of ours; the text is
    // given back when ours hides, and aria-describedby carries it meanwhile.
    target.removeAttribute("title");
    target.setAttribute("aria-describedby", ID);
    var node = element();
    var inner = node.firstChild;
    inner.textContent = title;
    var box = target.getBoundingClientRect();
    var page = document.body.getBoundingClientRect(); // body is Material's positioned ancestor
    node.style.setProperty("--md-tooltip-host-x", box.left - page.left + "px");
    node.style.setProperty("--md-tooltip-host-y", box.top - page.top + "px");
    node.style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    node.style.setProperty("--md-tooltip-y", 8 + box.height + "px");
    node.style.setProperty("--md-tooltip-tail", "0px");
    node.style.setProperty("--md-tooltip-width", inner.getBoundingClientRect().width + "px");
    // Next frame, so the opening transition runs from the hidden state.
    requestAnimationFrame(function () {
      if (host === target) node.classList.add("md-tooltip2--active");
    });
  }

  function release() {
    if (!host) return;
    host.setAttribute("title", title);
    host.removeAttribute("aria-describedby");
    host = null;
    if (tooltip) tooltip.classList.remove("md-tooltip2--active");
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(release, HIDE_DELAY);
  }

  function hostOf(node) {
    if (!(node instanceof Element)) return null;
    if (host && host.contains(node)) return host;
    return node.closest(HOSTS);
  }

  function mount() {
    document.addEventListener("mouseover", function (event) {
      var target = hostOf(event.target);
      if (target) show(target);
      else if (host && !(tooltip && tooltip.contains(event.target))) hideSoon();
    });
    document.addEventListener("mouseout", function (event) {
      if (host && hostOf(event.target) === host && hostOf(event.relatedTarget) !== host) hideSoon();
    });
    document.addEventListener("focusin", function (event) {
      var target = hostOf(event.target);
      if (target) show(target);
    });
    document.addEventListener("focusout", function (event) {
      if (host && hostOf(event.target) === host) hideSoon();
    });
    keyboard$.subscribe(function (key) {
      if (key.type !== "Escape" || !host) return; // WCAG 1.4.13: dismissible
      key.claim();
      release();
    });
    // A scrolled container (a wide table) moves the term away from the tooltip.
    document.addEventListener(
      "scroll",
      function (event) {
        if (host && event.target !== document && event.target.contains(host)) release();
      },
      true
    );
  }

  document$.subscribe(mount);
})();
