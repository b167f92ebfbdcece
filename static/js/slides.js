/* PAR Learn slide viewer: progressive enhancement of [data-slide-deck].
   Without this script every slide is listed in full. With it: one slide at a time,
   Previous/Next, a live counter, arrow keys, swipe, full screen, #slide-N links.
   Every visible string comes from the HTML (rendered with {% translate %}). */
(function () {
  "use strict";
  var doc = document;
  var csrf = doc.querySelector('meta[name="csrf-token"]');

  function fullscreenElement() {
    return doc.fullscreenElement || doc.webkitFullscreenElement || null;
  }

  function slideFromHash(slides) {
    var m = /^#slide-(\d+)$/.exec(location.hash);
    if (!m) return -1;
    for (var i = 0; i < slides.length; i++) {
      if (slides[i].getAttribute("data-slide-number") === m[1]) return i;
    }
    return -1;
  }

  function enhance(root) {
    var slides = root.querySelectorAll("[data-slide]");
    var toolbar = root.querySelector("[data-deck-toolbar]");
    if (!slides.length || !toolbar) return;
    var prev = toolbar.querySelector("[data-deck-prev]");
    var next = toolbar.querySelector("[data-deck-next]");
    var counter = toolbar.querySelector("[data-deck-counter]");
    var fsButton = toolbar.querySelector("[data-deck-fullscreen]");
    var template = counter.getAttribute("data-template") || "{n}/{total}";
    var progressUrl = root.getAttribute("data-progress-url");
    var total = slides.length;
    var current = -1;
    var timer = null;

    function number(i) {
      return parseInt(slides[i].getAttribute("data-slide-number"), 10);
    }

    /* Saving the slide reached. One request at a time, the newest slide wins. A network
       error, a 5xx or a 429 is tried again after 1 s and 3 s; after three failed tries the
       trainee is told (a live status line) and the save is tried every 15 s and when the
       browser is back online, until it succeeds. Another refusal (signed out, lesson gone)
       shows the server's message and is not repeated. */
    var status = root.querySelector("[data-deck-save-status]");
    var BACKOFF = [1000, 3000];
    var SLOW_RETRY = 15000;
    var pending = null;   // the slide number waiting to be saved
    var inFlight = false;
    var failures = 0;
    var retryTimer = null;
    var errorShown = false;

    function setStatus(text, isError) {
      if (!status) return;
      status.textContent = text || "";
      status.classList.toggle("is-error", !!isError);
    }

    function lessonCompleted(data) {
      var lessonStatus = doc.querySelector("[data-lesson-status]");
      if (lessonStatus) {
        lessonStatus.textContent = lessonStatus.getAttribute("data-completed-text");
        var form = lessonStatus.parentNode.querySelector("form");
        if (form) form.hidden = true;
      }
      root.dispatchEvent(new CustomEvent("lessoncomplete", {bubbles: true, detail: data}));
    }

    function post(n) {
      return fetch(progressUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-CSRFToken": csrf ? csrf.getAttribute("content") : ""
        },
        body: "slide=" + encodeURIComponent(n)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (response.ok) return {ok: true, data: data};
          var retry = response.status >= 500 || response.status === 429;
          return {ok: false, retry: retry, message: data && data.error};
        });
      }, function () {
        return {ok: false, retry: true}; // offline, or the server did not answer
      });
    }

    function flush() {
      clearTimeout(retryTimer);
      retryTimer = null;
      if (inFlight || pending === null) return;
      var n = pending;
      inFlight = true;
      post(n).then(function (result) {
        inFlight = false;
        if (result.ok || !result.retry) {
          if (pending === n) pending = null;
          failures = 0;
        }
        if (result.ok) {
          if (errorShown) {
            errorShown = false;
            setStatus(status && status.getAttribute("data-saved-text"), false);
          }
          if (result.data && result.data.completed) lessonCompleted(result.data);
        } else if (result.retry) {
          failures += 1;
          if (failures > BACKOFF.length && !errorShown) {
            errorShown = true;
            setStatus(status && status.getAttribute("data-retry-text"), true);
          }
          retryTimer = setTimeout(flush, BACKOFF[failures - 1] || SLOW_RETRY);
          return;
        } else {
          errorShown = true;
          setStatus(result.message || (status && status.getAttribute("data-error-text")), true);
        }
        if (pending !== null) flush(); // a newer slide was reached meanwhile
      });
    }

    function sendProgress(n) {
      if (!progressUrl || !window.fetch) return;
      pending = n;
      clearTimeout(timer);
      timer = setTimeout(flush, 1500);
    }

    window.addEventListener("online", function () {
      if (failures && !inFlight) flush();
    });

    // how: "user" (a button, key or swipe), "link" (a #slide-N address) or "init".
    function show(i, how) {
      i = Math.max(0, Math.min(total - 1, i));
      if (i === current) return;
      current = i;
      for (var j = 0; j < total; j++) slides[j].hidden = j !== i;
      // Fetch the next slide's image ahead of time.
      var ahead = slides[i + 1] && slides[i + 1].querySelector("img[loading=lazy]");
      if (ahead) ahead.loading = "eager";
      counter.textContent = template.replace("{n}", i + 1).replace("{total}", total);
      prev.setAttribute("aria-disabled", String(i === 0));
      next.setAttribute("aria-disabled", String(i === total - 1));
      var n = number(i);
      if (how === "init") return; // showing the first slide on load is not a change
      if (how === "user" && window.history && history.replaceState) {
        history.replaceState(history.state, "", "#slide-" + n);
      }
      root.dispatchEvent(new CustomEvent("slidechange", {
        bubbles: true,
        detail: { number: n, index: i + 1, total: total, isLast: i === total - 1 }
      }));
      sendProgress(n);
    }

    function setFullscreen(on) {
      root.classList.toggle("is-fullscreen", on);
      fsButton.setAttribute("aria-pressed", String(on));
    }

    function toggleFullscreen() {
      var request = root.requestFullscreen || root.webkitRequestFullscreen;
      var exit = doc.exitFullscreen || doc.webkitExitFullscreen;
      if (fullscreenElement() === root) {
        exit.call(doc);
      } else if (root.classList.contains("is-fullscreen")) {
        setFullscreen(false);
      } else if (request) {
        var result = request.call(root);
        if (result && result.catch) result.catch(function () { setFullscreen(true); });
      } else {
        setFullscreen(true); // no Fullscreen API (e.g. iPhone): fill the window instead
      }
      root.focus();
    }

    function onFullscreenChange() {
      setFullscreen(fullscreenElement() === root);
    }

    prev.addEventListener("click", function () { show(current - 1, "user"); });
    next.addEventListener("click", function () { show(current + 1, "user"); });
    fsButton.addEventListener("click", toggleFullscreen);
    doc.addEventListener("fullscreenchange", onFullscreenChange);
    doc.addEventListener("webkitfullscreenchange", onFullscreenChange);

    root.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      var tag = e.target.tagName;
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || e.target.isContentEditable) return;
      var to = {ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: total - 1}[e.key];
      if (to === undefined) {
        if (e.key === "Escape" && root.classList.contains("is-fullscreen") && !fullscreenElement()) {
          setFullscreen(false);
        }
        return;
      }
      e.preventDefault();
      show(to, "user");
    });

    var startX = null, startY = 0;
    var stage = root.querySelector(".deck__slides") || root;
    stage.addEventListener("touchstart", function (e) {
      if (e.touches.length !== 1) { startX = null; return; }
      startX = e.touches[0].clientX;
      startY = e.touches[0].clientY;
    }, {passive: true});
    stage.addEventListener("touchend", function (e) {
      if (startX === null) return;
      var dx = e.changedTouches[0].clientX - startX;
      var dy = e.changedTouches[0].clientY - startY;
      startX = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) show(current + (dx < 0 ? 1 : -1), "user");
    }, {passive: true});

    window.addEventListener("hashchange", function () {
      var i = slideFromHash(slides);
      if (i >= 0) { show(i, "link"); root.scrollIntoView(); }
    });

    if (!root.hasAttribute("tabindex")) root.tabIndex = -1;
    root.classList.add("is-enhanced");
    toolbar.hidden = false;
    var start = slideFromHash(slides);
    show(start >= 0 ? start : 0, start >= 0 ? "link" : "init");
    if (start >= 0) root.scrollIntoView();
  }

  var decks = doc.querySelectorAll("[data-slide-deck]");
  for (var k = 0; k < decks.length; k++) enhance(decks[k]);
})();
