/* The network view: actors as nodes, meetings as weighted edges (vis-network), a list of the
   same connections for the keyboard, the meetings of an edge with their evidence. */
(function () {
  "use strict";
  var d = window.diplokg, el = d.el, config = d.config;
  var statusBox = document.getElementById("network-status");
  var container = document.getElementById("network");
  var panel = document.getElementById("edge-meetings");
  var connections = document.querySelector("#connections tbody");
  var params = new URLSearchParams(window.location.search);
  var fromQuery = params.get("query");
  var SHAPES = {person: "dot", country: "diamond", organization: "square"};
  var MAX_LISTED = 200;

  function say(text) { statusBox.textContent = text; }

  /* The network of the filters, from the JSON route. */
  function fromFilters() {
    var args = new URLSearchParams(config.args);
    args.set("limit", config.limit);
    return d.getJson(config.data + "?" + args.toString()).then(function (g) {
      var note = g.nodes.length + " actors, " + g.edges.length + " connections";
      note += " from " + g.meetings + (g.meetings === 1 ? " meeting" : " meetings");
      if (g.actors > g.nodes.length) {
        note += " (the " + g.nodes.length + " most-met of " + g.actors + " actors; narrow the filters or raise the number of actors)";
      }
      if (g.capped) { note += "; only the first meetings were read: narrow the filters"; }
      return {nodes: g.nodes, edges: g.edges, note: note, filters: config.args};
    });
  }

  /* The network of a query result's two actor columns (a= and b=, else the first two). */
  function fromResult() {
    return d.sparql(fromQuery).then(function (data) {
      var rows = data.results ? data.results.bindings : [];
      var vars = (data.head && data.head.vars) || [];
      var iris = [];
      rows.forEach(function (b) { vars.forEach(function (v) { if (b[v] && b[v].type === "uri") { iris.push(b[v].value); } }); });
      return d.labels(iris).then(function (names) {
        var actorVars = vars.filter(function (v) {
          return rows.some(function (b) { return b[v] && names[b[v].value] && isActor(names[b[v].value].kind); });
        });
        var a = params.get("a") || actorVars[0], b = params.get("b") || actorVars[1];
        if (!a || !b) { throw new Error("the result has no two columns of actors"); }
        var weights = {}, count = {};
        rows.forEach(function (row) {
          if (!row[a] || !row[b] || row[a].type !== "uri" || row[b].type !== "uri") { return; }
          var x = row[a].value, y = row[b].value;
          if (x === y) { return; }
          var key = x < y ? x + "\n" + y : y + "\n" + x;
          weights[key] = (weights[key] || 0) + 1;
          count[x] = (count[x] || 0) + 1;
          count[y] = (count[y] || 0) + 1;
        });
        var nodes = Object.keys(count).map(function (iri) {
          var info = names[iri] || {label: iri, kind: "other", href: iri};
          return {id: iri, label: info.label, kind: info.kind, href: info.href, meetings: count[iri], group: info.kind};
        });
        var edges = Object.keys(weights).map(function (key) {
          var ends = key.split("\n");
          return {from: ends[0], to: ends[1], meetings: weights[key]};
        });
        return {nodes: nodes, edges: edges, filters: {},
                note: nodes.length + " actors, " + edges.length + " pairs from " + rows.length + " rows (columns " + a + " and " + b + ")"};
      });
    });
  }

  function isActor(kind) { return ["person", "country", "organization", "actor"].indexOf(kind) >= 0; }

  function draw(g) {
    var byId = {};
    g.nodes.forEach(function (n) { byId[n.id] = n; });
    var nodes = new visNetwork.DataSet(g.nodes.map(function (n) {
      return {id: n.id, label: n.label, value: n.meetings, group: n.group, shape: SHAPES[n.kind] || "dot",
              title: n.label + " — " + n.meetings + (n.meetings === 1 ? " meeting" : " meetings")};
    }));
    var edges = new visNetwork.DataSet(g.edges.map(function (e, i) {
      return {id: i, from: e.from, to: e.to, value: e.meetings,
              title: byId[e.from].label + " – " + byId[e.to].label + ": " + e.meetings + (e.meetings === 1 ? " meeting" : " meetings")};
    }));
    var big = g.nodes.length > 120;
    var network = new visNetwork.Network(container, {nodes: nodes, edges: edges}, {
      nodes: {scaling: {min: 6, max: 30, label: {enabled: true, min: 11, max: 20}}, font: {size: 12}},
      edges: {scaling: {min: 1, max: 10}, color: {inherit: "both", opacity: 0.55}, smooth: false},
      physics: {solver: "forceAtlas2Based", stabilization: {iterations: big ? 80 : 200, fit: true},
                forceAtlas2Based: {gravitationalConstant: -45, springLength: 90}},
      interaction: {hover: true, keyboard: {enabled: true, bindToWindow: false}, tooltipDelay: 150, navigationButtons: false},
      layout: {improvedLayout: !big, randomSeed: 7}
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: false});
      performance.mark("network-drawn");
      container.dataset.ready = "true";
      document.dispatchEvent(new CustomEvent("network-ready"));
    });
    network.on("click", function (event) {
      if (event.nodes.length) {
        window.location.href = byId[event.nodes[0]].href;
      } else if (event.edges.length) {
        var e = g.edges[event.edges[0]];
        showMeetings(e, byId, g.filters);
      }
    });
    window.diplokgNetwork = network;
    listConnections(g, byId);
  }

  function listConnections(g, byId) {
    connections.replaceChildren();
    g.edges.slice(0, MAX_LISTED).forEach(function (e) {
      var button = el("button", {type: "button", className: "link-button", text: byId[e.from].label + " – " + byId[e.to].label});
      button.addEventListener("click", function () { showMeetings(e, byId, g.filters); });
      connections.appendChild(el("tr", {}, [el("td", {}, [button]), el("td", {className: "num", text: String(e.meetings)})]));
    });
    if (g.edges.length > MAX_LISTED) {
      connections.appendChild(el("tr", {}, [el("td", {colspan: "2", className: "hint", text: "… and " + (g.edges.length - MAX_LISTED) + " more"})]));
    }
  }

  function showMeetings(e, byId, filters) {
    var args = new URLSearchParams(filters || {});
    args.set("a", byId[e.from].href);
    args.set("b", byId[e.to].href);
    panel.hidden = false;
    panel.replaceChildren(el("h2", {text: byId[e.from].label + " and " + byId[e.to].label}), el("p", {className: "status", text: "Loading the meetings…"}));
    d.getJson(config.meetings + "?" + args.toString()).then(function (data) {
      var list = el("ol", {className: "edge-meeting-list"});
      data.meetings.forEach(function (m) {
        var facts = [m.date || "undated", m.place, m.mode].filter(Boolean).join(" · ");
        var evidence = el("ul", {className: "evidence"});
        m.evidence.forEach(function (ev) {
          evidence.appendChild(el("li", {}, [
            el("q", {className: "sentence"}, [ev.before, el("mark", {text: ev.exact}), ev.after]), " ",
            el("a", {href: ev.href, className: "evidence-link", text: "source" + (ev.issued ? ", " + ev.issued : "")})
          ]));
        });
        list.appendChild(el("li", {className: "edge-meeting"}, [
          el("a", {href: m.href, className: "meeting-link", text: m.label}), el("div", {className: "meta", text: facts}), evidence
        ]));
      });
      var head = el("h2", {text: byId[e.from].label + " and " + byId[e.to].label});
      var count = el("p", {className: "meta", text: data.meetings.length + (data.meetings.length === 1 ? " meeting" : " meetings") + (data.capped ? " (the first ones)" : "")});
      panel.replaceChildren(head, count, list);
      if (!data.meetings.length) { panel.appendChild(el("p", {className: "none", text: "No meeting of the graph names both (the pair comes from the query's rows)."})); }
      head.tabIndex = -1;
      head.focus();
    }).catch(function (err) {
      panel.replaceChildren(el("p", {className: "error", text: err.message}));
    });
  }

  /* The data is asked for at once; vis-network, the next script, has run by DOMContentLoaded. */
  var parsed = new Promise(function (resolve) {
    if (document.readyState !== "loading") { resolve(); } else { document.addEventListener("DOMContentLoaded", resolve); }
  });
  Promise.all([fromQuery ? fromResult() : fromFilters(), parsed]).then(function (both) {
    var g = both[0];
    performance.mark("network-data");
    if (!g.nodes.length) {
      say("No meetings match these filters.");
      container.dataset.ready = "true";
      return;
    }
    say(g.note);
    draw(g);
  }).catch(function (err) {
    say("");
    statusBox.parentNode.insertBefore(el("p", {className: "error", role: "alert", text: err.message}), statusBox.nextSibling);
  });
})();
