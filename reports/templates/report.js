(function () {
  "use strict";
  var form = document.getElementById("filters");
  function marksOf(scope, claimId) {
    return Array.prototype.filter.call(scope.querySelectorAll("mark[data-claim-ids]"), function (mark) {
      return mark.dataset.claimIds.split(" ").indexOf(claimId) !== -1;
    });
  }
  // A highlight whose every finding is filtered out is dimmed, so the text shows what the filters show.
  function dimMarks() {
    document.querySelectorAll("section.document").forEach(function (section) {
      var shown = {}, filtered = {};
      section.querySelectorAll(".finding[data-claim-id]").forEach(function (item) {
        (item.hidden ? filtered : shown)[item.dataset.claimId] = true;
      });
      section.querySelectorAll("mark[data-claim-ids]").forEach(function (mark) {
        var ids = mark.dataset.claimIds.split(" ");
        var anyFiltered = ids.some(function (id) { return filtered[id]; });
        var anyShown = ids.some(function (id) { return shown[id]; });
        mark.classList.toggle("dim", anyFiltered && !anyShown);
      });
    });
  }
  // Each note starts level with its highlight (never above the previous note), so notes stay
  // beside their sentence in long paragraphs; without the script they simply stack.
  function alignNotes() {
    document.querySelectorAll(".row").forEach(function (row) {
      var notes = row.querySelectorAll(".notes .finding");
      var bottom = 0;
      notes.forEach(function (item) {
        item.style.marginTop = "";
        if (item.hidden) { return; }
        var marks = item.dataset.claimId ? marksOf(row, item.dataset.claimId) : [];
        var rowTop = row.getBoundingClientRect().top;
        var top = item.getBoundingClientRect().top - rowTop;
        var want = marks.length ? marks[0].getBoundingClientRect().top - rowTop : top;
        var gap = Math.max(0, want - Math.max(top, bottom));
        if (window.matchMedia("(min-width: 821px)").matches && gap > 0) { item.style.marginTop = gap + "px"; }
        bottom = item.getBoundingClientRect().bottom - rowTop + 8;
      });
    });
  }
  function applyFilters() {
    var off = {};
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (!box.checked) { off[box.name + ":" + box.value] = true; }
    });
    document.querySelectorAll(".finding").forEach(function (item) {
      item.hidden = Boolean(off["severity:" + item.dataset.severity] || off["kind:" + item.dataset.kind]);
    });
    document.querySelectorAll("nav.top-problems li[data-kind]").forEach(function (item) {
      item.hidden = Boolean(off["severity:" + item.dataset.severity] || off["kind:" + item.dataset.kind]);
    });
    dimMarks();
    alignNotes();
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
  } else {
    alignNotes();
  }
  window.addEventListener("resize", alignNotes);
  document.querySelectorAll(".finding[data-claim-id]").forEach(function (item) {
    item.addEventListener("click", focusClaim);
  });
  document.body.dataset.ready = "1";
}());
