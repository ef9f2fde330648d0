/*
 * The lab's answer forms (curriculum.labpage): "Check my answers" compares
 * each answer with the expected one, which the build computed from the lab's
 * data files with the reference solution and put in the form as JSON. Each
 * field says "Right" or "Not right" in words; the form's live region gives
 * the count. Nothing is stored or sent: the answers stay in the page.
 *
 * Mounts from Material's document$ (once per page load: instant navigation
 * is off).
 */
(function () {
  "use strict";

  function tokens(value) {
    return String(value)
      .split(/[\s,;]+/)
      .map(function (token) { return token.trim().toUpperCase(); })
      .filter(Boolean)
      .filter(function (token, index, all) { return all.indexOf(token) === index; })
      .sort();
  }

  function money(value) {
    var cleaned = String(value).replace(/[£,\s]/g, "");
    if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
    return Number(cleaned).toFixed(2);
  }

  /* The learner's answer for one field, or null when it is empty. */
  function answerOf(field) {
    var kind = field.dataset.curLabKind;
    if (kind === "checks") {
      var checked = Array.prototype.map.call(field.querySelectorAll("input:checked"), function (input) { return input.value; });
      return checked.length ? checked.map(String).sort() : null;
    }
    var control = field.querySelector("input, select");
    var value = control.value.trim();
    if (!value) return null;
    if (kind === "money") return money(value);
    if (kind === "tokens") return tokens(value);
    return value;
  }

  function expectedOf(field, key) {
    var kind = field.dataset.curLabKind;
    var value = key[field.dataset.curLabField];
    if (kind === "checks") return value.map(String).sort();
    if (kind === "tokens") return tokens(value.join(","));
    return String(value);
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function show(field, state) {
    var result = field.querySelector(".cur-lab-field__result");
    field.classList.toggle("cur-lab-field--right", state === "right");
    field.classList.toggle("cur-lab-field--wrong", state === "wrong");
    result.textContent = state === "right" ? "Right" : state === "wrong" ? "Not right" : state === "empty" ? "Not answered" : "";
  }

  function check(form, key) {
    var fields = form.querySelectorAll("[data-cur-lab-field]");
    var right = 0;
    var wrong = [];
    fields.forEach(function (field) {
      var answer = answerOf(field);
      if (answer === null) {
        show(field, "empty");
        wrong.push(field);
      } else if (same(answer, expectedOf(field, key))) {
        show(field, "right");
        right += 1;
      } else {
        show(field, "wrong");
        wrong.push(field);
      }
    });
    var status = form.querySelector(".cur-lab-task__status");
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = right + " of " + fields.length + " answers right." +
        (wrong.length ? " Look again at the fields marked Not right or Not answered." : " Well done: this task is complete.");
    }, 50);
  }

  function mount() {
    document.querySelectorAll("form[data-cur-lab-task]").forEach(function (form) {
      form.querySelector(".cur-lab-task__actions").hidden = false;
      if (form.dataset.curBound) return;
      form.dataset.curBound = "1";
      var key = JSON.parse(form.querySelector(".cur-lab-task__key").textContent);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        check(form, key);
      });
      form.addEventListener("reset", function () {
        form.querySelectorAll("[data-cur-lab-field]").forEach(function (field) { show(field, ""); });
        form.querySelector(".cur-lab-task__status").textContent = "";
      });
    });
  }

  document$.subscribe(mount);
})();
