/* Timelines (vis-timeline): meetings and statements on a time axis, each at its day or across
   the month or year it is known to; undated ones listed apart, never placed on the axis. */
(function () {
  "use strict";
  var d = window.diplokg, el = d.el, config = d.config;
  var GROUPS = [{id: "meeting", content: "Meetings"}, {id: "statement", content: "Statements"}];

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function fill(section, data) {
    var status = section.querySelector(".timeline-status");
    var axis = section.querySelector(".timeline-axis");
    var dated = section.querySelector("ol.dated");
    var undatedBox = section.querySelector(".timeline-undated");
    var selected = section.querySelector(".timeline-selected");
    var byId = {};
    var note = data.items.length + " dated, " + data.undated.length + " undated";
    if (data.capped) { note += " (at most " + data.max_items + " meetings and " + data.max_items + " statements shown)"; }
    status.textContent = note;
    data.items.forEach(function (item) {
      byId[item.id] = item;
      dated.appendChild(el("li", {className: "tl-" + item.kind}, [
        el("span", {className: "date", text: item.date}), " ", el("span", {className: "kind", text: item.kind}), " ",
        el("a", {href: item.href, text: item.label})
      ]));
    });
    data.undated.forEach(function (item) {
      section.querySelector("ul.undated").appendChild(el("li", {className: "tl-" + item.kind}, [
        el("span", {className: "kind", text: item.kind}), " ", el("a", {href: item.href, text: item.label})
      ]));
    });
    undatedBox.hidden = data.undated.length === 0;
    if (!data.items.length) {
      axis.hidden = true;
      section.dataset.ready = "true";
      return;
    }
    var items = new visTimeline.DataSet(data.items.map(function (item) {
      var point = item.precision === "day";
      return {id: item.id, group: item.kind, content: el("span", {text: item.label}), start: item.start, end: point ? undefined : item.end,
              type: point ? "point" : "range", className: item.kind + (point ? "" : " imprecise"),
              title: escapeHtml(item.date + (point ? "" : " (known to the " + item.precision + ")") + " — " + item.label)};
    }));
    var timeline = new visTimeline.Timeline(axis, items, GROUPS, {
      stack: true, maxHeight: config.embedded ? 320 : 520, zoomKey: "ctrlKey", showCurrentTime: false,
      orientation: {axis: "top"}, margin: {item: 4}, tooltip: {followMouse: true}
    });
    var first = Date.parse(data.items[0].start), last = Date.parse(data.items[data.items.length - 1].end);
    var MONTHS3 = 90 * 24 * 3600 * 1000;
    if (last - first < MONTHS3) {  // a few facts close together: show the season around them, not hours
      timeline.setWindow(new Date(first - MONTHS3 / 2), new Date(last + MONTHS3 / 2), {animation: false});
    }
    timeline.on("select", function (props) {
      var item = byId[props.items[0]];
      selected.replaceChildren();
      if (item) {
        selected.append("Selected: " + item.date + " ", el("a", {href: item.href, className: "selected-link", text: item.label}));
      }
    });
    timeline.on("doubleClick", function (props) {
      if (props.item && byId[props.item]) { window.location.href = byId[props.item].href; }
    });
    section.timeline = timeline;
    timeline.on("changed", function () { section.dataset.ready = "true"; });  // drawn
  }

  function fail(section, err) {
    section.querySelector(".timeline-status").textContent = "";
    section.insertBefore(el("p", {className: "error", role: "alert", text: err.message}), section.querySelector(".timeline-axis"));
    section.dataset.ready = "true";
  }

  /* The meetings and statements named in a query result (run at the endpoint). */
  function fromQuery(query) {
    return d.sparql(query).then(function (data) {
      var iris = [];
      (data.results ? data.results.bindings : []).forEach(function (b) {
        Object.keys(b).forEach(function (v) { if (b[v].type === "uri") { iris.push(b[v].value); } });
      });
      return d.postJson(config.timeline, {iris: Array.from(new Set(iris)).slice(0, 5000)});
    });
  }

  document.querySelectorAll("section.timeline-view").forEach(function (section) {
    var source = section.dataset.source || config.data;
    var query = new URLSearchParams(window.location.search).get("query");
    var embed = section.closest(".timeline-embed");
    if (embed) { embed.hidden = false; }
    var load = source ? d.getJson(source) : (query ? fromQuery(query) : null);
    if (!load) {
      section.querySelector(".timeline-status").textContent = "Choose a country, an issue, or open a person's page.";
      section.dataset.ready = "true";
      return;
    }
    load.then(function (data) { fill(section, data); }).catch(function (err) { fail(section, err); });
  });
})();
