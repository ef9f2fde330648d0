/*
 * The one place the site's scripts keep a reader's data: localStorage, as a
 * JSON object, in this browser only; nothing is sent anywhere. A stored value
 * that is not an object, or that its reader's check rejects, is removed
 * without a word (the reader simply starts again); a browser that refuses
 * storage keeps the data for this page view only. Used by progress.js
 * ("cur-progress") and quiz.js ("cur-quiz"), so both read, check and forget
 * in the same way. Loaded before them (mkdocs.yml, extra_javascript).
 */
(function () {
  "use strict";

  function remove(key) {
    try {
      localStorage.removeItem(key);
    } catch (error) {
      /* nothing stored */
    }
  }

  /* The object stored under ``key`` if ``valid(object)`` holds, else {} (and the value is removed). */
  function read(key, valid) {
    var raw;
    try {
      raw = localStorage.getItem(key);
    } catch (error) {
      return {};
    }
    if (raw === null) return {};
    try {
      var value = JSON.parse(raw);
      if (value && typeof value === "object" && !Array.isArray(value) && valid(value)) return value;
    } catch (error) {
      /* not JSON: forget it, as below */
    }
    remove(key);
    return {};
  }

  /* Keep ``value`` under ``key``; an empty object removes the key. */
  function write(key, value) {
    try {
      if (Object.keys(value).length) localStorage.setItem(key, JSON.stringify(value));
      else localStorage.removeItem(key);
    } catch (error) {
      /* Storage refused: the data lasts for this page view only. */
    }
  }

  window.curStored = { read: read, write: write, remove: remove };
})();
