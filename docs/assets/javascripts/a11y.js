/*
 * Keyboard access to the two header controls Material draws as <label>s
 * (WCAG 2.1.1): the navigation drawer and the search button shown
 * on narrow screens. A <label> is not in the Tab order (and may not take the
 * button role), so without this a keyboard user on a phone-sized window
 * could open neither. Each label is swapped for a real <button> with the
 * same look (a11y.css shows it at the widths where Material shows the
 * label) that reports whether it is open; Escape closes the drawer and
 * gives focus back. Without JavaScript the labels stay and work by pointer.
 *
 * Escape comes through Material's keyboard$, which leaves out keys typed
 * into a form field and reports mode "search" while the search dialog is
 * open (Material's own handler closes search on Escape then), so the drawer
 * only takes Escape in "global" mode. Everything mounts from Material's
 * document$, once per page load (instant navigation is off).
 */
(function () {
  "use strict";

  var CONTROLS = [
    { toggle: "__drawer", name: "Navigation" },
    { toggle: "__search", name: "Search" }
  ];

  function enhance() {
    CONTROLS.forEach(function (control) {
      var toggle = document.getElementById(control.toggle);
      var label = document.querySelector('.md-header label.md-header__button[for="' + control.toggle + '"]');
      if (!toggle || !label) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " cur-header-toggle";
      button.setAttribute("data-cur-for", control.toggle);
      button.setAttribute("aria-label", control.name);
      while (label.firstChild) button.appendChild(label.firstChild);
      label.hidden = true;
      label.parentNode.insertBefore(button, label);
      var sync = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
      sync();
      toggle.addEventListener("change", sync);
      button.addEventListener("click", function () {
        toggle.click();
        sync();
        if (control.toggle === "__search" && toggle.checked) {
          var input = document.querySelector(".md-search__input");
          if (input) setTimeout(function () { input.focus(); }, 50);
        }
        if (control.toggle === "__drawer" && toggle.checked) {
          var first = document.querySelector(".md-sidebar--primary a[href]");
          // The drawer is visibility:hidden until the checkbox is checked.
          if (first) setTimeout(function () { first.focus(); }, 50);
        }
      });
      if (control.toggle === "__drawer") {
        keyboard$.subscribe(function (key) {
          if (key.mode !== "global" || key.type !== "Escape" || !toggle.checked) return;
          key.claim();
          toggle.click();
          sync();
          button.focus();
        });
      }
    });
  }

  /*
   * Content fixes that need the rendered page (axe rules named):
   * - label: pymdownx.tasklist checkboxes have no text of their own; each is
   *   named by its list item's text.
   * - landmark-unique: Material wraps each code block's copy button in an
   *   unnamed <nav>, so a page with two code blocks has two identical
   *   navigation landmarks; a button container is not navigation.
   */
  function fixContent(root) {
    root.querySelectorAll(".task-list-control > input[type=checkbox]:not([aria-label])").forEach(function (box) {
      var item = box.closest("li");
      var text = "";
      item.childNodes.forEach(function (node) {
        if (node.nodeType === 3 || (node.nodeType === 1 && !node.matches("label, ul, ol"))) text += node.textContent;
      });
      box.setAttribute("aria-label", text.trim().replace(/\s+/g, " "));
    });
    root.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "none");
    });
    // scrollable-region-focusable: a wide table scrolls sideways inside
    // Material's wrapper; keyboard users scroll it once it takes focus. The
    // build writes the wrapper, focusable, around each Markdown table
    // (curriculum.script_boxes); this covers a table it did not see (raw
    // HTML with attributes but no class), which Material wraps at start-up.
    // In a task of its own: each one restyles its table, which at start-up
    // lengthened the task that mounts the page (DECISIONS.md, "Reach").
    setTimeout(function () {
      root.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
        wrap.setAttribute("tabindex", "0");
      });
    });
  }

  function watchContent() {
    var article = document.querySelector("article.md-content__inner") || document.body;
    fixContent(article);
    new MutationObserver(function () { fixContent(article); })
      .observe(article, { childList: true, subtree: true });
  }

  function start() {
    enhance();
    watchContent();
  }

  document$.subscribe(start);
})();
