/* The query page: editor with highlighting, cookbook, running queries, results, downloads. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("page-config").textContent);
  var cookbook = JSON.parse(document.getElementById("cookbook-data").textContent);
  var form = document.getElementById("query-form");
  var editor = document.getElementById("query");
  var code = document.getElementById("highlight");
  var errorBox = document.getElementById("error");
  var statusBox = document.getElementById("status");
  var results = document.getElementById("results");
  var csvButton = document.getElementById("download-csv");
  var jsonButton = document.getElementById("download-json");
  var last = null;

  function refresh() {
    var text = editor.value;
    code.innerHTML = window.highlightSparql(text.endsWith("\n") ? text + " " : text);
    syncScroll();
  }

  function syncScroll() {
    code.parentNode.scrollTop = editor.scrollTop;
    code.parentNode.scrollLeft = editor.scrollLeft;
  }

  function localHref(iri) {
    return iri.indexOf(config.base) === 0 ? config.root + "/" + iri.slice(config.base.length) : iri;
  }

  function linkable(iri) {
    return iri.indexOf(config.base) === 0 || /^https?:\/\//i.test(iri);
  }

  function cell(term) {
    var td = document.createElement("td");
    if (!term) { return td; }
    if (term.type === "uri" && !linkable(term.value)) {
      td.textContent = term.value;  // only http(s) and this site's own IRIs become links
    } else if (term.type === "uri") {
      var a = document.createElement("a");
      a.href = localHref(term.value);
      a.textContent = term.value.indexOf(config.base) === 0 ? term.value.slice(config.base.length) : term.value;
      a.title = term.value;
      if (a.getAttribute("href") === term.value) { a.className = "ext"; a.rel = "noopener"; }
      td.appendChild(a);
    } else {
      td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
      if (term.datatype) { td.title = term.datatype; }
      if (term["xml:lang"]) { td.title = "@" + term["xml:lang"]; }
    }
    return td;
  }

  function showTable(data) {
    var vars = data.head.vars || [];
    var rows = data.results.bindings;
    var table = document.createElement("table");
    table.className = "results";
    var head = table.createTHead().insertRow();
    vars.forEach(function (v) {
      var th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    });
    var body = table.createTBody();
    rows.forEach(function (b) {
      var tr = body.insertRow();
      vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
    });
    results.replaceChildren(table);
    return rows.length + (rows.length === 1 ? " row" : " rows");
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    results.replaceChildren();
  }

  function csvField(term) {
    var s = term ? term.value : "";
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function toCsv(data) {
    var vars = data.head.vars || [];
    var lines = [vars.join(",")];
    data.results.bindings.forEach(function (b) {
      lines.push(vars.map(function (v) { return csvField(b[v]); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function download(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function remember() {
    var address = window.location.pathname + "?query=" + encodeURIComponent(editor.value);
    window.history.replaceState(null, "", address);
  }

  function run() {
    remember();
    errorBox.hidden = true;
    statusBox.textContent = "running…";
    csvButton.disabled = jsonButton.disabled = true;
    var started = performance.now();
    fetch(config.endpoint, {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: new URLSearchParams({query: editor.value})
    }).then(function (response) {
      return response.text().then(function (text) { return {response: response, text: text}; });
    }).then(function (r) {
      var ms = Math.round(performance.now() - started);
      var type = r.response.headers.get("Content-Type") || "";
      if (!r.response.ok) {
        var message = r.text;
        try { message = JSON.parse(r.text).error || message; } catch (e) { /* not JSON: show the text */ }
        statusBox.textContent = "";
        showError(r.response.status + ": " + message);
        return;
      }
      if (type.indexOf("json") >= 0) {
        var data = JSON.parse(r.text);
        last = {text: r.text, data: data};
        if (data.boolean !== undefined) {
          var p = document.createElement("p");
          p.className = "boolean";
          p.textContent = data.boolean ? "yes (true)" : "no (false)";
          results.replaceChildren(p);
          statusBox.textContent = ms + " ms";
          jsonButton.disabled = false;
          return;
        }
        statusBox.textContent = showTable(data) + " · " + ms + " ms" +
          (r.response.headers.get("X-Diplokg-Truncated") ? " · truncated" : "");
        csvButton.disabled = jsonButton.disabled = false;
      } else {
        last = null;
        var pre = document.createElement("pre");
        pre.className = "graph";
        pre.textContent = r.text;
        results.replaceChildren(pre);
        statusBox.textContent = ms + " ms";
      }
    }).catch(function (e) {
      statusBox.textContent = "";
      showError("The endpoint could not be reached: " + e.message);
    });
  }

  function pick(name) {
    var recipe = cookbook.find(function (r) { return r.name === name; });
    if (!recipe) { return; }
    editor.value = recipe.sparql;
    document.querySelectorAll(".recipe").forEach(function (b) {
      b.classList.toggle("active", b.dataset.name === name);
    });
    refresh();
    editor.focus();
  }

  editor.addEventListener("input", refresh);
  editor.addEventListener("scroll", syncScroll);
  editor.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  document.getElementById("cookbook").addEventListener("click", function (e) {
    var button = e.target.closest(".recipe");
    if (button) { pick(button.dataset.name); }
  });
  csvButton.addEventListener("click", function () {
    if (last) { download(toCsv(last.data), "text/csv", "results.csv"); }
  });
  jsonButton.addEventListener("click", function () {
    if (last) { download(last.text, "application/sparql-results+json", "results.json"); }
  });
  refresh();
})();
