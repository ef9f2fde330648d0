/*
 * The link between the audience window and the presenter view of one session.
 *
 * Two channels carry the same messages, and a receiver drops a message it
 * has already seen:
 * - postMessage between the two windows (window.opener / the window the
 *   audience opened), which works wherever the presenter view was opened from
 *   the audience window, on http and on file:// alike (the notes plugin of
 *   reveal.js keeps its speaker view in step the same way);
 * - a BroadcastChannel named after the session: it also pairs a presenter
 *   view opened by hand, or one whose opener was closed. Chromium delivers it
 *   between file:// pages of one browser profile too (origin "file://"); a
 *   browser that gives file:// pages an opaque origin ("null") does not, and
 *   there the channel is not opened.
 * Messages are whole states (slide index, blank, timer), never "next", so a
 * message delivered twice or late does no harm.
 */
(function () {
  "use strict";

  var seen = [];
  var sequence = 0;
  var listeners = [];
  var channel = null;
  var peer = null; /* the window this one opened */
  var key = null;

  function fresh(id) {
    if (seen.indexOf(id) >= 0) return false;
    seen.push(id);
    if (seen.length > 200) seen.shift();
    return true;
  }

  function receive(data) {
    if (!data || data.cur !== "present" || data.key !== key || !fresh(data.id)) return;
    listeners.forEach(function (fn) {
      fn(data);
    });
  }

  function targets() {
    var list = [];
    if (peer && !peer.closed) list.push(peer);
    if (window.opener && !window.opener.closed && window.opener !== window) list.push(window.opener);
    return list;
  }

  /* Start listening for ``sessionKey`` (the page's source path). */
  function open(sessionKey) {
    if (key) return;
    key = sessionKey;
    window.addEventListener("message", function (event) {
      receive(event.data);
    });
    if (typeof BroadcastChannel !== "undefined" && window.location.origin !== "null") {
      try {
        channel = new BroadcastChannel("cur-present:" + key);
        channel.onmessage = function (event) {
          receive(event.data);
        };
      } catch (error) {
        channel = null;
      }
    }
  }

  function send(message) {
    if (!key) return;
    sequence += 1;
    message.cur = "present";
    message.key = key;
    message.id = Math.random().toString(36).slice(2) + "-" + sequence;
    seen.push(message.id);
    targets().forEach(function (win) {
      try {
        win.postMessage(message, "*");
      } catch (error) {
        /* The other window went away: the channel may still reach it. */
      }
    });
    if (channel) channel.postMessage(message);
  }

  window.curPresentLink = {
    open: open,
    send: send,
    on: function (fn) {
      listeners.push(fn);
    },
    /* Remember the presenter window this window opened. */
    setPeer: function (win) {
      peer = win;
    },
    peer: function () {
      return peer && !peer.closed ? peer : null;
    },
    channels: function () {
      return { broadcast: !!channel, opener: !!(window.opener && !window.opener.closed), peer: !!(peer && !peer.closed) };
    },
  };
})();
