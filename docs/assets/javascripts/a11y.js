/*
 * Keyboard access to the two header controls Material draws as <label>s
 * (issue 6, WCAG 2.1.1): the navigation drawer and the search button shown
 * on narrow screens. A <label> is not in the Tab order, so without this a
 * keyboard user on a phone-sized window could open neither. Each label
 * becomes a named button that Enter and Space operate and that reports
 * whether it is open; Escape closes the drawer and gives focus back.
 * Without JavaScript the labels keep working by pointer, as before.
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
      if (!toggle || !label || label.hasAttribute("data-cur-a11y")) return;
      label.setAttribute("data-cur-a11y", "");
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      label.setAttribute("aria-label", control.name);
      var sync = function () { label.setAttribute("aria-expanded", String(toggle.checked)); };
      sync();
      toggle.addEventListener("change", sync);
      label.addEventListener("click", function () { setTimeout(sync, 0); });
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        label.click();
        if (control.toggle === "__drawer" && toggle.checked) {
          var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex]");
          // The drawer is visibility:hidden until the checkbox is checked.
          if (first) setTimeout(function () { first.focus(); }, 50);
        }
      });
      if (control.toggle === "__drawer") {
        document.addEventListener("keydown", function (event) {
          if (event.key === "Escape" && toggle.checked) {
            toggle.click();
            sync();
            label.focus();
          }
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

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
