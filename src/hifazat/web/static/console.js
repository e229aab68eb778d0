/* Hifazat moderator console: one-key shortcuts and live SLA timers. Everything also works without
   this script (the timers then stay as the page drew them).
   A key acts on the element of the page that declares it: data-key="r" is clicked,
   data-focus-key="e" is focused. Keys typed into a field, or with Ctrl/Alt/Meta, are left alone. */
(function () {
  "use strict";
  var typing = /^(INPUT|TEXTAREA|SELECT)$/;
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey) {
      return;
    }
    var target = event.target;
    if (target && (typing.test(target.tagName) || target.isContentEditable)) {
      if (event.key === "Escape" && target.blur) {
        target.blur();
      }
      return;
    }
    var key = (event.key || "").toLowerCase();
    if (!/^[a-z0-9]$/.test(key)) {
      return;
    }
    var focus = document.querySelector('[data-focus-key="' + key + '"]');
    if (focus) {
      event.preventDefault();
      focus.focus();
      return;
    }
    var action = document.querySelector('[data-key="' + key + '"]');
    if (action && !action.disabled) {
      event.preventDefault();
      action.click();
    }
  });
})();

/* SLA timers: every [data-sla-left] element holds the seconds left when the page was drawn, and the
   "due" and "overdue" texts in the page's language with {h} and {m} to fill in. Counting from the
   page's own load time keeps a wrong clock on the moderator's computer out of it. */
(function () {
  "use strict";
  var loaded = Date.now();
  function tick() {
    var elapsed = Math.floor((Date.now() - loaded) / 1000);
    var timers = document.querySelectorAll("[data-sla-left]");
    for (var i = 0; i < timers.length; i++) {
      var timer = timers[i];
      var left = parseInt(timer.getAttribute("data-sla-left"), 10) - elapsed;
      if (isNaN(left)) {
        continue;
      }
      var overdue = left < 0;
      var minutes = Math.floor(Math.abs(left) / 60);
      var text = timer.getAttribute(overdue ? "data-sla-overdue" : "data-sla-due") || "";
      timer.textContent = text.replace("{h}", String(Math.floor(minutes / 60))).replace("{m}", String(minutes % 60));
      timer.classList.toggle("sla--overdue", overdue);
    }
  }
  window.setInterval(tick, 15000);
})();
