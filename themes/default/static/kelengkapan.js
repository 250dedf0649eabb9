// The kelengkapan page: sort by a column and show one unit's SOPs. The
// table is whole and readable without this script; it only adds buttons
// to the column headers and shows the unit filter.
(function () {
  "use strict";
  var table = document.getElementById("kelengkapan");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var label = table.getAttribute("data-sort-label") || "";
  table.classList.add("sortable");

  function value(row, i, kind) {
    var cell = row.cells[i];
    var v = cell.getAttribute("data-value");
    if (kind === "number") return Number(v === null ? cell.textContent : v);
    return cell.textContent.trim().toLowerCase();
  }

  // Sorting: a button in each header; again reverses.
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    var kind = th.getAttribute("data-sort");
    if (!kind) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    button.title = label + " " + th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var up = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
        c.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (a, b) {
        var x = value(a, i, kind), y = value(b, i, kind);
        var c = kind === "number" ? x - y : x.localeCompare(y, document.documentElement.lang);
        return up ? c : -c;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    });
  });

  // The unit filter: a unit shows its own SOPs and those of the units below.
  var select = document.getElementById("kelengkapan-unit");
  if (select) {
    select.closest(".audit-tools").hidden = false;
    var apply = function () {
      var unit = select.value;
      rows.forEach(function (row) {
        var own = row.getAttribute("data-unit");
        row.hidden = unit !== "" && own !== unit && own.indexOf(unit + "/") !== 0;
      });
    };
    select.addEventListener("change", apply);
    apply();
  }
})();
