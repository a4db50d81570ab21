// Filters by severity and rule, and focus from a highlight to its message.
// Without JavaScript the page shows every finding and hides the filters.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var status = document.getElementById("shown");
  var rank = { error: 0, warning: 1, info: 2 };
  var severity = {};
  items.forEach(function (li) { severity[li.dataset.index] = li.dataset.severity; });

  function chosen(name) {
    var on = {};
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      if (box.checked) { on[box.value] = true; }
    });
    return on;
  }

  function update() {
    var severities = chosen("severity"), rules = chosen("rule"), active = {}, shown = 0;
    items.forEach(function (li) {
      var on = !!(severities[li.dataset.severity] && rules[li.dataset.rule]);
      li.hidden = !on;
      active[li.dataset.index] = on;
      if (on) { shown += 1; }
    });
    marks.forEach(function (mark) {
      var on = mark.dataset.f.split(" ").filter(function (i) { return active[i]; });
      var worst = on.map(function (i) { return severity[i]; })
        .sort(function (a, b) { return rank[a] - rank[b]; })[0];
      ["error", "warning", "info"].forEach(function (s) { mark.classList.toggle("sev-" + s, s === worst); });
      mark.classList.toggle("off", on.length === 0);
      if (on.length) { mark.setAttribute("tabindex", "0"); } else { mark.removeAttribute("tabindex"); }
    });
    status.textContent = "Showing " + shown + " of " + items.length + " findings.";
  }

  marks.forEach(function (mark) {
    mark.addEventListener("focus", function () {
      items.forEach(function (li) { li.classList.remove("current"); });
      mark.dataset.f.split(" ").forEach(function (i) {
        var li = document.getElementById("f" + i);
        if (li) { li.classList.add("current"); }
      });
    });
  });
  form.hidden = false;
  form.addEventListener("change", update);
  update();
}());
