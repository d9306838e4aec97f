/* A YASR result table whose IRIs show their labels and link to their entity pages.

   Sorting (click a column's heading), paging, a filter; the labels of the IRIs on the page
   shown are fetched in one request per page. Dates and numbers never wrap; long IRIs and
   literals wrap inside their cell, so a CONSTRUCT result stays inside the page. It replaces
   YASR's own table plugin, whose column resizer injects a <style> element (refused by the
   site's Content-Security-Policy). */
(function () {
  "use strict";
  var d = window.diplokg, el = d.el;
  var XSD = "XMLSchema#";  // datatypes are compared by their local name in the XSD namespace
  var NUMERIC = ["integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
                 "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong"];
  var DATES = ["date", "dateTime", "gYear", "gYearMonth", "time"];
  var SIZES = [10, 50, 100, 1000];
  var known = {};  // IRI -> {label, kind, href}, shared by every table of the page
  var listeners = [];

  function localOf(dt) { var at = dt ? dt.indexOf("/2001/" + XSD) : -1; return at >= 0 ? dt.slice(at + 6 + XSD.length) : null; }
  function isNumber(term) { return term && term.type !== "uri" && NUMERIC.indexOf(localOf(term.datatype)) >= 0; }
  function isDate(term) { return term && term.type !== "uri" && DATES.indexOf(localOf(term.datatype)) >= 0; }

  function shortIri(iri) {
    var base = d.config.base || "";
    if (base && iri.indexOf(base) === 0) { return iri.slice(base.length); }
    return iri;
  }

  function sortKey(term) {
    if (!term) { return [2, ""]; }
    if (isNumber(term)) { return [0, parseFloat(term.value)]; }
    if (term.type === "uri" && known[term.value]) { return [1, known[term.value].label.toLowerCase()]; }
    return [1, term.value.toLowerCase()];
  }

  function compare(a, b) {
    if (a[0] !== b[0]) { return a[0] - b[0]; }
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
  }

  function LabelledTable(yasr) {
    this.yasr = yasr;
    this.priority = 10;
    this.label = "Table";
    var stored = (yasr.getPersistentConfig().pluginsConfig || {}).table || {};
    this.state = {page: 0, size: SIZES.indexOf(stored.pageSize) >= 0 ? stored.pageSize : 50, sort: null, dir: 1, filter: ""};
  }

  LabelledTable.prototype.canHandleResults = function () {
    var r = this.yasr.results;
    return !!r && !!r.getVariables && r.getVariables().length > 0;
  };

  LabelledTable.prototype.getIcon = function () {
    return el("span", {className: "dkg-plugin-icon", "aria-hidden": "true", text: "▦"});
  };

  LabelledTable.prototype.download = function () {
    var results = this.yasr.results;
    return {contentType: "text/csv", getData: function () { return toCsv(results); }, filename: "results.csv", title: "Download as CSV"};
  };

  LabelledTable.prototype.draw = function () {
    var self = this;
    this.vars = this.yasr.results.getVariables();
    this.rows = this.yasr.results.getBindings();
    this.state.page = 0;
    this.state.sort = null;
    this.state.filter = "";
    var filter = el("input", {type: "search", className: "table-filter", placeholder: "Filter rows", "aria-label": "Filter rows"});
    filter.addEventListener("input", function () { self.state.filter = filter.value.toLowerCase(); self.state.page = 0; self.render(); });
    var size = el("select", {"aria-label": "Rows per page", className: "table-size"});
    SIZES.forEach(function (n) {
      var option = el("option", {value: String(n), text: n + " rows"});
      if (n === self.state.size) { option.selected = true; }
      size.appendChild(option);
    });
    size.addEventListener("change", function () {
      self.state.size = parseInt(size.value, 10);
      self.state.page = 0;
      self.yasr.storePluginConfig("table", {pageSize: self.state.size});
      self.render();
    });
    this.previous = el("button", {type: "button", className: "page-previous", text: "‹ Previous"});
    this.next = el("button", {type: "button", className: "page-next", text: "Next ›"});
    this.previous.addEventListener("click", function () { self.state.page -= 1; self.render(); });
    this.next.addEventListener("click", function () { self.state.page += 1; self.render(); });
    this.counter = el("span", {className: "table-count", role: "status"});
    this.table = el("table", {className: "results dkg-results"});
    var head = this.table.createTHead().insertRow();
    this.vars.forEach(function (v, i) {
      var button = el("button", {type: "button", className: "sort", text: v});
      button.addEventListener("click", function () {
        self.state.dir = self.state.sort === i ? -self.state.dir : 1;
        self.state.sort = i;
        self.state.page = 0;
        self.render();
      });
      head.appendChild(el("th", {scope: "col"}, [button]));
    });
    this.body = this.table.createTBody();
    var controls = el("div", {className: "table-controls"}, [filter, size, this.previous, this.counter, this.next]);
    var wrap = el("div", {className: "table-wrap"}, [this.table]);
    this.yasr.resultsEl.appendChild(el("div", {className: "dkg-table"}, [controls, wrap]));
    this.render();
  };

  LabelledTable.prototype.visibleRows = function () {
    var self = this, rows = this.rows;
    if (this.state.filter) {
      rows = rows.filter(function (b) {
        return self.vars.some(function (v) {
          var t = b[v];
          if (!t) { return false; }
          var text = (t.type === "uri" && known[t.value] ? known[t.value].label + " " : "") + t.value;
          return text.toLowerCase().indexOf(self.state.filter) >= 0;
        });
      });
    }
    if (this.state.sort !== null) {
      var v = this.vars[this.state.sort], dir = this.state.dir;
      rows = rows.map(function (b, i) { return [sortKey(b[v]), i, b]; })
        .sort(function (x, y) { return dir * compare(x[0], y[0]) || x[1] - y[1]; })
        .map(function (x) { return x[2]; });
    }
    return rows;
  };

  LabelledTable.prototype.render = function () {
    var self = this, rows = this.visibleRows(), size = this.state.size;
    var pages = Math.max(1, Math.ceil(rows.length / size));
    this.state.page = Math.min(Math.max(0, this.state.page), pages - 1);
    var first = this.state.page * size, shown = rows.slice(first, first + size);
    this.table.querySelectorAll("th").forEach(function (th, i) {
      th.setAttribute("aria-sort", self.state.sort === i ? (self.state.dir > 0 ? "ascending" : "descending") : "none");
    });
    var body = document.createElement("tbody"), iris = [];
    shown.forEach(function (b) {
      var tr = body.insertRow();
      self.vars.forEach(function (v) {
        var td = cell(b[v]);
        tr.appendChild(td);
        if (b[v] && b[v].type === "uri" && !known[b[v].value]) { iris.push(b[v].value); }
      });
    });
    this.table.replaceChild(body, this.body);
    this.body = body;
    this.previous.disabled = this.state.page === 0;
    this.next.disabled = this.state.page >= pages - 1;
    this.counter.textContent = rows.length ? "rows " + (first + 1) + "–" + (first + shown.length) + " of " + rows.length +
      (rows.length < this.rows.length ? " (filtered from " + this.rows.length + ")" : "") : "no rows";
    if (!iris.length) { this.table.dataset.labels = "done"; notify(this); return; }  // all known already
    this.table.dataset.labels = "loading";
    d.labels(iris).then(function (found) {
      Object.keys(found).forEach(function (iri) { known[iri] = found[iri]; });
      iris.forEach(function (iri) { if (!known[iri]) { known[iri] = null; } });
      body.querySelectorAll("a[data-iri]").forEach(function (a) { name(a); });
      self.table.dataset.labels = "done";
      notify(self);
    }).catch(function (err) {
      self.table.dataset.labels = "failed";
      self.counter.textContent += " · labels could not be fetched (" + err.message + ")";
    });
  };

  function name(a) {
    var info = known[a.dataset.iri];
    if (!info) { return; }
    a.textContent = info.label;
    a.href = info.href;
    a.classList.remove("ext");
    a.dataset.kind = info.kind;
  }

  function cell(term) {
    var td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri" && !d.linkable(term.value)) {
      td.textContent = term.value;  // only http(s) and this site's own IRIs become links
      td.className = "iri";
    } else if (term.type === "uri") {
      var href = d.localHref(term.value);
      var a = el("a", {href: href, title: term.value, "data-iri": term.value, text: shortIri(term.value)});
      if (href === term.value) { a.className = "ext"; a.rel = "noopener"; }
      td.appendChild(a);
      if (known[term.value]) { name(a); }
      td.className = "iri";
    } else if (term.type === "bnode") {
      td.textContent = "_:" + term.value;
    } else {
      td.textContent = term.value;
      if (term["xml:lang"]) { td.appendChild(el("sup", {className: "lang", text: "@" + term["xml:lang"]})); }
      if (term.datatype) { td.title = term.datatype; }
      td.className = isNumber(term) ? "num" : isDate(term) ? "date" : "literal";
    }
    return td;
  }

  function csvField(text) {
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCsv(results) {
    var vars = results.getVariables();
    var lines = [vars.map(csvField).join(",")];
    results.getBindings().forEach(function (b) {
      lines.push(vars.map(function (v) { return csvField(b[v] ? b[v].value : ""); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function notify(table) { listeners.forEach(function (fn) { fn(table); }); }

  window.diplokgTable = {
    plugin: LabelledTable, known: known, toCsv: toCsv,
    onLabels: function (fn) { listeners.push(fn); },
    columnKinds: function (results) {
      /* For each variable, the kinds of the IRIs of its rows that have a known kind. */
      var kinds = {};
      results.getVariables().forEach(function (v) { kinds[v] = {}; });
      results.getBindings().forEach(function (b) {
        Object.keys(b).forEach(function (v) {
          var info = b[v].type === "uri" ? known[b[v].value] : null;
          if (info && kinds[v]) { kinds[v][info.kind] = true; }
        });
      });
      return kinds;
    }
  };
})();
