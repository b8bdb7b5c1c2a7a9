(function () {
  "use strict";
  var body = document.body;
  function byId(id) { return document.getElementById(id); }
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }

  function bindToggle(id, cls, whenUnchecked) {
    var box = byId(id);
    if (!box) { return; }
    function sync() { body.classList.toggle(cls, whenUnchecked ? !box.checked : box.checked); }
    box.addEventListener("change", sync);
    sync();
  }
  bindToggle("c-removed", "hide-rm", true);
  bindToggle("c-reasons", "reasons", false);
  bindToggle("c-gold", "only-gold", false);

  var only = byId("c-only");
  function showOnly(value) {
    only.value = value;
    if (value) { body.setAttribute("data-only", value); } else { body.removeAttribute("data-only"); }
    each("button[data-only]", function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-only") === value));
    });
  }
  only.addEventListener("change", function () { showOnly(only.value); });
  each("button[data-only]", function (b) {
    b.addEventListener("click", function () {
      var value = b.getAttribute("data-only");
      showOnly(only.value === value ? "" : value);
    });
  });
  showOnly(only.value);

  var tabs = Array.prototype.slice.call(document.querySelectorAll('[role="tab"]'));
  function select(tab) {
    tabs.forEach(function (t) {
      var on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      byId(t.getAttribute("aria-controls")).hidden = !on;
    });
  }
  tabs.forEach(function (tab, i) {
    tab.addEventListener("click", function () { select(tab); });
    tab.addEventListener("keydown", function (e) {
      var step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!step) { return; }
      var next = tabs[(i + step + tabs.length) % tabs.length];
      select(next);
      next.focus();
      e.preventDefault();
    });
  });
  if (tabs.length) { select(tabs[0]); }

  function jump(step) {
    var marks = Array.prototype.filter.call(
      document.querySelectorAll('#v-page [tabindex="0"]'),
      function (el) { return el.offsetParent !== null; }
    );
    if (!marks.length) { return; }
    var at = marks.indexOf(document.activeElement);
    var next = marks[at < 0 ? (step > 0 ? 0 : marks.length - 1) : (at + step + marks.length) % marks.length];
    next.focus();
    next.scrollIntoView({ block: "center" });
  }
  function flip(id) {
    var box = byId(id);
    if (box) { box.checked = !box.checked; box.dispatchEvent(new Event("change")); }
  }
  document.addEventListener("keydown", function (e) {
    var tag = e.target && e.target.tagName;
    if (e.altKey || e.ctrlKey || e.metaKey || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") { return; }
    if (e.key === "n") { jump(1); } else if (e.key === "p") { jump(-1); }
    else if (e.key === "r") { flip("c-removed"); } else if (e.key === "w") { flip("c-reasons"); }
  });
  body.setAttribute("data-ready", "1");
}());
