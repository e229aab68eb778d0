/* Hifazat moderator console: one-key shortcuts. Everything also works without this script.
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
