/* Entity pages: emphasise the evidence span named in the address (#char=start,end). */
(function () {
  "use strict";
  function showTarget() {
    var marks = document.querySelectorAll("mark[data-spans]");
    var wanted = decodeURIComponent(window.location.hash.slice(1));
    var first = null;
    marks.forEach(function (mark) {
      var hit = wanted !== "" && mark.dataset.spans.split(" ").indexOf(wanted) >= 0;
      mark.classList.toggle("target", hit);
      if (hit && first === null) { first = mark; }
    });
    if (first) { first.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", showTarget);
  document.addEventListener("DOMContentLoaded", showTarget);
})();
