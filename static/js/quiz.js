/* PAR Learn quiz page: progressive enhancement of [data-quiz-form].
   Without this script the form still saves ("Lưu câu trả lời") and submits ("Nộp bài"), and the
   deadline is written on the page by the server. With it:
   - a live countdown from the server's seconds left (the server's deadline stays the rule);
     screen readers hear it at most once a minute; at 0 the form is submitted;
   - answers are saved as the person goes (debounced POST to data-save-url) with a status line;
   - a warning before leaving the page with unsaved answers;
   - a confirm step before "Nộp bài" when some questions are unanswered.
   Every visible string comes from the HTML (rendered with {% translate %}). */
(function () {
  "use strict";
  var doc = document;
  var form = doc.querySelector("[data-quiz-form]");
  if (!form) return;

  var bar = doc.querySelector("[data-quiz-bar]");
  var saveStatus = doc.querySelector("[data-save-status]");
  var answeredEl = doc.querySelector("[data-answered]");
  var dialog = doc.querySelector("[data-quiz-confirm]");
  var fieldsets = form.querySelectorAll("[data-question]");
  var saveUrl = form.getAttribute("data-save-url");
  var submitButton = form.querySelector("[data-submit]");

  var dirty = false;          // changes not yet saved on the server
  var submitting = false;     // the page is being left on purpose (save, submit)
  var confirmed = false;      // the person agreed to submit with unanswered questions
  var lastSubmitter = null;
  var version = 0;
  var saveTimer = null;
  var inFlight = false;
  var queued = false;

  function fill(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // HH:MM in the site's time zone, as the server writes the deadline; the device's clock otherwise.
  function clock(date) {
    var zone = form.getAttribute("data-time-zone");
    try {
      var parts = new Intl.DateTimeFormat("en-GB", {
        hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone || undefined
      }).formatToParts(date);
      var hour = "", minute = "";
      for (var i = 0; i < parts.length; i++) {
        if (parts[i].type === "hour") hour = parts[i].value;
        if (parts[i].type === "minute") minute = parts[i].value;
      }
      if (hour && minute) return hour + ":" + minute;
    } catch (e) { /* an unknown zone or an old browser */ }
    return pad(date.getHours()) + ":" + pad(date.getMinutes());
  }

  function csrfToken() {
    var input = form.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  /* Answered count */
  function unanswered() {
    var list = [];
    for (var i = 0; i < fieldsets.length; i++) {
      if (!fieldsets[i].querySelector("input:checked")) list.push(i);
    }
    return list;
  }

  function showAnswered() {
    if (!answeredEl) return;
    var total = fieldsets.length;
    answeredEl.textContent = fill(answeredEl.getAttribute("data-template"), {
      answered: String(total - unanswered().length),
      total: String(total)
    });
  }

  /* Autosave */
  function setStatus(text, isError) {
    if (!saveStatus) return;
    saveStatus.textContent = text;
    saveStatus.classList.toggle("is-error", !!isError);
  }

  function save() {
    if (!saveUrl || !window.fetch || !window.FormData) return;
    if (inFlight) {
      queued = true;
      return;
    }
    inFlight = true;
    var sent = version;
    setStatus(form.getAttribute("data-saving-text"), false);
    fetch(saveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "XMLHttpRequest" },
      body: new FormData(form)
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (data) {
        if (!response.ok || !data.saved) {
          throw { serverMessage: data.error || "" };
        }
      });
    }).then(function () {
      if (sent === version) dirty = false;
      setStatus(fill(form.getAttribute("data-saved-template"), { time: clock(new Date()) }), false);
    }).catch(function (error) {
      // The server's own message (already translated) when it gave one, else ours.
      setStatus((error && error.serverMessage) || form.getAttribute("data-error-text"), true);
    }).then(function () {
      inFlight = false;
      if (queued) {
        queued = false;
        save();
      }
    });
  }

  form.addEventListener("change", function () {
    dirty = true;
    version += 1;
    showAnswered();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 1000);
  });

  window.addEventListener("beforeunload", function (event) {
    if (!dirty || submitting) return;
    event.preventDefault();
    event.returnValue = form.getAttribute("data-leave-text") || "";
    return event.returnValue;
  });

  /* Submit, with a confirm step when questions are left unanswered */
  form.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[type=submit]") : null;
    if (button) lastSubmitter = button;
  });

  function focusQuestion(index) {
    var input = fieldsets[index] && fieldsets[index].querySelector("input:not([type=hidden])");
    if (input) input.focus();
  }

  function submitNow() {
    confirmed = true;
    if (form.requestSubmit && submitButton) {
      form.requestSubmit(submitButton);
    } else {
      submitting = true;
      form.submit();
    }
  }

  form.addEventListener("submit", function (event) {
    if (submitting) {
      event.preventDefault(); // a double click: the first submission is on its way
      return;
    }
    var submitter = event.submitter || lastSubmitter;
    var isSave = submitter && submitter.hasAttribute("data-save");
    var missing = isSave || confirmed ? [] : unanswered();
    if (missing.length) {
      event.preventDefault();
      var textEl = dialog && dialog.querySelector("[data-confirm-text]");
      var numbers = missing.map(function (i) { return i + 1; }).join(", ");
      var text = fill(textEl ? textEl.getAttribute("data-template") : "", {
        count: String(missing.length),
        numbers: numbers
      });
      if (dialog && typeof dialog.showModal === "function") {
        textEl.textContent = text;
        dialog.showModal();
        dialog.querySelector("[data-confirm-cancel]").focus();
      } else if (window.confirm(text)) {
        submitNow();
      } else {
        focusQuestion(missing[0]);
      }
      return;
    }
    submitting = true;
    clearTimeout(saveTimer);
  });

  if (dialog) {
    dialog.querySelector("[data-confirm-cancel]").addEventListener("click", function () {
      dialog.close();
      var missing = unanswered();
      if (missing.length) focusQuestion(missing[0]);
    });
    dialog.querySelector("[data-confirm-submit]").addEventListener("click", function () {
      dialog.close();
      submitNow();
    });
  }

  /* Countdown: only improves on the deadline the server wrote on the page */
  var timer = doc.querySelector("[data-quiz-timer]");
  var announcer = doc.querySelector("[data-timer-announce]");
  if (timer) {
    var secondsLeft = parseInt(timer.getAttribute("data-seconds-left"), 10);
    if (!isNaN(secondsLeft)) {
      var endsAt = Date.now() + secondsLeft * 1000;
      var lastAnnounced = Math.ceil(secondsLeft / 60);
      var done = false;
      var tick = function () {
        var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
        var minutes = Math.floor(left / 60);
        var hours = Math.floor(minutes / 60);
        var shown = hours
          ? hours + ":" + pad(minutes % 60) + ":" + pad(left % 60)
          : pad(minutes) + ":" + pad(left % 60);
        timer.classList.toggle("is-urgent", left <= 60);
        if (left > 0) {
          timer.textContent = fill(timer.getAttribute("data-remaining-template"), { time: shown });
        }
        // Screen readers: every 5 minutes, then each of the last 5 minutes; never more than once a minute.
        var whole = Math.ceil(left / 60);
        if (whole !== lastAnnounced) {
          lastAnnounced = whole;
          if (announcer && left > 0 && (whole <= 5 || whole % 5 === 0)) {
            announcer.textContent = fill(announcer.getAttribute("data-template"), { minutes: String(whole) });
          }
        }
        if (left === 0 && !done) {
          done = true;
          clearInterval(interval);
          timer.textContent = timer.getAttribute("data-timeup-text");
          if (announcer) announcer.textContent = timer.getAttribute("data-timeup-text");
          submitting = true;
          clearTimeout(saveTimer);
          form.submit(); // no submitter: the server grades the attempt
        }
      };
      var interval = setInterval(tick, 1000);
      tick();
    }
  }

  showAnswered();
  if (bar) bar.hidden = false;
})();
