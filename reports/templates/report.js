(function () {
  "use strict";
  var form = document.getElementById("filters");
  function applyFilters() {
    var off = {};
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (!box.checked) { off[box.name + ":" + box.value] = true; }
    });
    document.querySelectorAll(".finding").forEach(function (item) {
      item.hidden = Boolean(off["severity:" + item.dataset.severity] || off["kind:" + item.dataset.kind]);
    });
  }
  function marksOf(section, claimId) {
    return Array.prototype.filter.call(section.querySelectorAll("mark[data-claim-ids]"), function (mark) {
      return mark.dataset.claimIds.split(" ").indexOf(claimId) !== -1;
    });
  }
  function focusClaim(event) {
    var item = event.currentTarget;
    var section = item.closest("section.document");
    section.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
    item.classList.add("focus");
    marksOf(section, item.dataset.claimId).forEach(function (mark) { mark.classList.add("focus"); });
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", applyFilters);
    applyFilters();
  }
  document.querySelectorAll(".finding[data-claim-id]").forEach(function (item) {
    item.addEventListener("click", focusClaim);
  });
  document.body.dataset.ready = "1";
}());
