/*
 * Knowledge checks that answer back: the "/// quiz" blocks (curriculum.quizblock).
 *
 * Each question is a real radio (or checkbox) group. "Check answer" marks the
 * chosen option(s) right or not, in words and with an icon as well as colour,
 * opens the explanation under each option concerned and announces the verdict
 * in the question's live region. The first checked answer is the one that
 * counts; the learner may keep choosing to read other explanations, and
 * "Try again" clears the question so the next answer counts instead.
 *
 * Scores are kept only in this browser, in localStorage "cur-quiz":
 * {"<session docs path>": {"<question id>": {"right": true, "chosen": ["2"]}}},
 * with "end-of-day:<session docs path>" for the wrap-up's end-of-day check. The
 * day page's "Reset my progress" clears it with the sessions' progress. A stored
 * value of any other shape is removed without a word.
 *
 * Mounts from Material's document$ (once per page load: instant navigation
 * is off).
 */
(function () {
  "use strict";

  var KEY = "cur-quiz";
  var EOD = "end-of-day:";

  function isAnswer(value) {
    return (
      value && typeof value === "object" && typeof value.right === "boolean" && Array.isArray(value.chosen) &&
      value.chosen.every(function (item) { return typeof item === "string"; })
    );
  }

  function isStore(value) {
    return Object.keys(value).every(function (scope) {
      var answers = value[scope];
      return (
        answers && typeof answers === "object" && !Array.isArray(answers) &&
        Object.keys(answers).every(function (id) { return isAnswer(answers[id]); })
      );
    });
  }

  function load() {
    return window.curStored.read(KEY, isStore);
  }

  function save(store) {
    window.curStored.write(KEY, store);
  }

  function clear() {
    window.curStored.remove(KEY);
  }

  /* Each quiz with its storage scope: its own session (a copy in the end-of-day
     check), else the session whose header comes before it on the page. */
  function quizzes() {
    var scope = location.pathname;
    var found = [];
    document.querySelectorAll(".cur-session-header[data-cur-session], .cur-quiz[data-cur-quiz]").forEach(function (el) {
      if (el.classList.contains("cur-session-header")) scope = el.dataset.curSession;
      else found.push({ el: el, id: el.dataset.curQuiz, scope: el.dataset.curSession ? EOD + el.dataset.curSession : scope });
    });
    return found;
  }

  function options(el) {
    return Array.prototype.slice.call(el.querySelectorAll(".cur-quiz__option"));
  }

  function inputOf(option) {
    return option.querySelector(".cur-quiz__input");
  }

  function isCorrect(option) {
    return option.dataset.curCorrect === "true";
  }

  function text(node) {
    return node ? node.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function explanationText(option) {
    var parts = [];
    option.querySelectorAll(".cur-quiz__explanation > :not(summary):not(.cur-quiz__verdict)").forEach(function (node) {
      parts.push(text(node));
    });
    return parts.join(" ");
  }

  function badgeText(chosen, correct, multiple) {
    if (chosen) return correct ? "Right" : "Not right";
    if (!multiple) return "";
    return correct ? "Also right: not chosen" : "Not right: rightly left out";
  }

  /* Show one option's verdict and explanation. */
  function reveal(option, chosen, multiple) {
    var label = badgeText(chosen, isCorrect(option), multiple);
    if (!label) return;
    var badge = option.querySelector(".cur-quiz__badge");
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "cur-quiz__badge";
      option.querySelector(".cur-quiz__label").after(badge);
    }
    badge.textContent = label;
    option.classList.add("cur-quiz__option--revealed");
    option.classList.toggle("cur-quiz__option--right", isCorrect(option));
    option.classList.toggle("cur-quiz__option--wrong", !isCorrect(option));
    option.classList.toggle("cur-quiz__option--chosen", chosen);
    option.querySelector(".cur-quiz__explanation").open = true;
  }

  function hideAll(el) {
    options(el).forEach(function (option) {
      option.classList.remove("cur-quiz__option--revealed", "cur-quiz__option--right", "cur-quiz__option--wrong", "cur-quiz__option--chosen");
      var badge = option.querySelector(".cur-quiz__badge");
      if (badge) badge.remove();
      option.querySelector(".cur-quiz__explanation").open = false;
    });
  }

  function grade(el, chosen) {
    var multiple = el.dataset.curMultiple === "true";
    var right = options(el).every(function (option) {
      return isCorrect(option) === (chosen.indexOf(inputOf(option).value) !== -1);
    });
    options(el).forEach(function (option) {
      var picked = chosen.indexOf(inputOf(option).value) !== -1;
      if (picked || multiple) reveal(option, picked, multiple);
    });
    return right;
  }

  function announce(el, message) {
    var status = el.querySelector(".cur-quiz__status");
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function scoreOf(all, scope, store) {
    var mine = all.filter(function (item) { return item.scope === scope; });
    var answers = store[scope] || {};
    var right = 0;
    var answered = 0;
    mine.forEach(function (item) {
      if (answers[item.id]) {
        answered += 1;
        if (answers[item.id].right) right += 1;
      }
    });
    return { right: right, answered: answered, total: mine.length };
  }

  function scoreText(score) {
    return score.right + " of " + score.total + " right" + (score.answered < score.total ? " (" + score.answered + " answered)" : "");
  }

  /* The score above each session's questions (not for end-of-day copies). */
  function renderScores(all, store) {
    var seen = {};
    all.forEach(function (item) {
      if (item.scope.indexOf(EOD) === 0 || seen[item.scope]) return;
      seen[item.scope] = true;
      var box = item.el.previousElementSibling;
      if (!box || !box.classList.contains("cur-quiz-score")) {
        box = document.createElement("p");
        box.className = "cur-quiz-score";
        item.el.before(box);
      }
      box.textContent = "Your score: " + scoreText(scoreOf(all, item.scope, store)) + ". Kept in this browser only.";
    });
    renderEndOfDay(all, store);
  }

  function renderEndOfDay(all, store) {
    var summary = document.querySelector("[data-cur-eod]");
    if (!summary) return;
    var missed = [];
    summary.querySelectorAll("[data-cur-eod-session]").forEach(function (row) {
      var scope = EOD + row.dataset.curEodSession;
      var score = scoreOf(all, scope, store);
      row.querySelector(".cur-eod__score").textContent = score.answered ? scoreText(score) : "not answered yet";
      var seen = {};
      all.forEach(function (item) {
        var answer = (store[scope] || {})[item.id];
        if (item.scope !== scope || !answer || answer.right) return;
        var objective = text(item.el.querySelector(".cur-objective-label"));
        var href = row.dataset.curEodUrl + (item.el.dataset.curSection ? "#" + item.el.dataset.curSection : "");
        if (seen[objective + href]) return;
        seen[objective + href] = true;
        missed.push({ objective: objective, href: href, session: text(row.querySelector("a")) });
      });
    });
    var revisit = summary.querySelector("[data-cur-eod-revisit]");
    var answered = all.some(function (item) { return item.scope.indexOf(EOD) === 0 && (store[item.scope] || {})[item.id]; });
    revisit.textContent = "";
    var lead = document.createElement("p");
    revisit.appendChild(lead);
    if (!answered) {
      lead.textContent = "Answer the questions above: each objective you miss is listed here, with a link to the section that teaches it.";
      return;
    }
    if (!missed.length) {
      lead.textContent = "Nothing to revisit yet: every question you answered was right at the first try.";
      return;
    }
    lead.textContent = "What to revisit, one line per objective you missed:";
    var list = document.createElement("ul");
    list.className = "cur-eod__missed";
    missed.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.href;
      link.textContent = entry.objective;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" (" + entry.session + ")"));
      list.appendChild(item);
    });
    revisit.appendChild(list);
  }

  function check(item, all) {
    var el = item.el;
    var chosen = options(el)
      .map(inputOf)
      .filter(function (input) { return input.checked; })
      .map(function (input) { return input.value; });
    if (!chosen.length) {
      announce(el, "Choose an answer first.");
      return;
    }
    var right = grade(el, chosen);
    var store = load();
    var answers = store[item.scope] || (store[item.scope] = {});
    var first = !answers[item.id];
    if (first) answers[item.id] = { right: right, chosen: chosen };
    save(store);
    renderScores(all, store);
    var message;
    if (el.dataset.curMultiple === "true") {
      message = (right ? "Right: you chose exactly the right options." : "Not right: compare your choices with the marks on each option.") +
        " Each option's explanation is open under it.";
    } else {
      var option = options(el).filter(function (o) { return inputOf(o).value === chosen[0]; })[0];
      message = (right ? "Right. " : "Not right. ") + explanationText(option);
    }
    if (!first) message += " Your first answer still counts; choose Try again to answer afresh.";
    var score = scoreOf(all, item.scope, store);
    announce(el, message + " Score: " + score.right + " of " + score.total + " right.");
  }

  function retry(item, all) {
    var el = item.el;
    options(el).forEach(function (option) {
      inputOf(option).checked = false;
    });
    hideAll(el);
    var store = load();
    if (store[item.scope]) {
      delete store[item.scope][item.id];
      if (!Object.keys(store[item.scope]).length) delete store[item.scope];
    }
    save(store);
    renderScores(all, store);
    announce(el, "Cleared: choose your answer again.");
    inputOf(options(el)[0]).focus();
  }

  function restore(all, store) {
    all.forEach(function (item) {
      var answer = (store[item.scope] || {})[item.id];
      hideAll(item.el);
      options(item.el).forEach(function (option) {
        inputOf(option).checked = Boolean(answer) && answer.chosen.indexOf(inputOf(option).value) !== -1;
      });
      if (answer) grade(item.el, answer.chosen);
    });
  }

  function mount() {
    var all = quizzes();
    if (!all.length && !document.querySelector("[data-cur-progress-reset]")) return;
    /* One attribute on <html> for every question's collapsed explanations (quiz.css): a class
       on each question would restyle each question whole (DECISIONS.md, "Reach"). */
    document.documentElement.setAttribute("data-cur-quizzes", "");
    all.forEach(function (item) {
      var el = item.el;
      if (el.dataset.curBound) return;
      el.dataset.curBound = "1";
      el.querySelector("[data-cur-quiz-check]").addEventListener("click", function () {
        check(item, all);
      });
      el.querySelector("[data-cur-quiz-retry]").addEventListener("click", function () {
        retry(item, all);
      });
    });
    var store = load();
    restore(all, store);
    renderScores(all, store);
  }

  /* "Reset my progress" on the day page clears the scores too. */
  document.addEventListener(
    "click",
    function (event) {
      if (event.target.closest && event.target.closest("[data-cur-progress-reset]")) clear();
    },
    true
  );

  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) {
      var all = quizzes();
      var store = load();
      restore(all, store);
      renderScores(all, store);
    }
  });

  document$.subscribe(mount);
})();
