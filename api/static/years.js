// The year slider over small multiples (api/templates/_years.html): without this script every year's
// panel shows side by side; with it, a labelled slider picks one year (its value shown beside it and
// announced), and a checkbox shows them all again.
(function () {
  "use strict";
  document.querySelectorAll("section.years").forEach(function (box) {
    var control = box.querySelector(".year-control");
    if (!control) { return; }
    var range = control.querySelector("input[type=range]");
    var output = control.querySelector("output");
    var all = control.querySelector(".year-all input");
    var panels = Array.prototype.slice.call(box.querySelectorAll(".year-panel"));
    function show() {
      var panel = panels[Number(range.value)] || panels[panels.length - 1];
      var year = panel.dataset.year;
      var summary = panel.querySelector(".year-summary");
      output.textContent = all.checked ? "alla år" : year;
      range.setAttribute("aria-valuetext", year + (summary ? ": " + summary.textContent.trim() : ""));
      panels.forEach(function (p) { p.hidden = !all.checked && p.dataset.year !== year; });
      box.classList.toggle("one-year", !all.checked);
      box.dataset.shown = all.checked ? "all" : year;
    }
    range.addEventListener("input", show);
    range.addEventListener("change", show);
    all.addEventListener("change", function () { range.disabled = all.checked; show(); });
    control.hidden = false;
    show();
  });
})();
