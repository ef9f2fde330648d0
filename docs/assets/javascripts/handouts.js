/*
 * Handouts: keep knowledge-check answers closed on paper.
 *
 * Material opens every <details> for printing. For the knowledge-check
 * questions (".cur-question") that would give the answers away, so this
 * closes again, while printing, each question the reader did not open
 * themselves (tracked as data-cur-reader-open). print.css also hides the
 * answers of such questions, for browsers that print without these events.
 * In facilitator mode the answers print, for the facilitator's own copy.
 *
 * It only listens on window and document, so it has nothing to mount from
 * Material's document$.
 */
(function () {
  "use strict";

  var printing = false;

  document.addEventListener(
    "toggle",
    function (event) {
      var el = event.target;
      if (printing || !el.matches || !el.matches("details.cur-question")) return;
      el.toggleAttribute("data-cur-reader-open", el.open);
    },
    true
  );

  function closeQuestions() {
    printing = true;
    if (document.documentElement.hasAttribute("data-cur-facilitator")) return;
    document.querySelectorAll("details.cur-question:not([data-cur-reader-open])").forEach(function (el) {
      el.open = false;
    });
  }

  function done() {
    /* Toggle events from closing fire asynchronously: settle first. */
    setTimeout(function () {
      printing = false;
    }, 0);
  }

  window.addEventListener("beforeprint", closeQuestions);
  window.addEventListener("afterprint", done);
  var media = window.matchMedia("print");
  var onChange = function (event) {
    if (event.matches) closeQuestions();
    else done();
  };
  if (media.addEventListener) media.addEventListener("change", onChange);
  else media.addListener(onChange);
})();
