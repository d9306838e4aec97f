/* The query page: YASGUI with completion from our ontology, the cookbook, the labelled result
   table, downloads (CSV, JSON, Turtle), "show as network / timeline", the query in the address. */
(function () {
  "use strict";
  var d = window.diplokg, config = d.config;
  var cookbook = JSON.parse(document.getElementById("cookbook-data").textContent);
  var Yasqe = Yasgui.Yasqe, Yasr = Yasgui.Yasr;
  var ACTORS = ["person", "country", "organization", "actor"];

  /* Completion: prefixes, classes and properties from this server, never from the web. */
  var vocabulary = null;
  function vocab() { return vocabulary || (vocabulary = d.getJson(config.vocabulary)); }

  function iriSuggestion(yasqe, token, suggestion) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(suggestion)) { return suggestion; }  // already a prefixed name
    if (token.tokenPrefix && token.tokenPrefixUri && suggestion.indexOf(token.tokenPrefixUri) === 0) {
      return token.tokenPrefix + suggestion.slice(token.tokenPrefixUri.length);
    }
    return "<" + suggestion + ">";
  }

  Yasqe.forkAutocompleter("prefixes", {
    name: "dkgPrefixes", persistenceId: null,
    get: function () {
      return vocab().then(function (v) {
        return Object.keys(v.prefixes).sort().map(function (p) { return p + ": <" + v.prefixes[p] + ">"; });
      });
    }
  }, false);
  Yasqe.forkAutocompleter("class", {
    name: "dkgClasses", bulk: true, autoShow: true, persistenceId: null, postProcessSuggestion: iriSuggestion,
    get: function () { return vocab().then(function (v) { return v.classes; }); }
  }, false);
  Yasqe.forkAutocompleter("property", {
    name: "dkgProperties", bulk: true, autoShow: true, persistenceId: null, postProcessSuggestion: iriSuggestion,
    get: function () { return vocab().then(function (v) { return v.properties; }); }
  }, false);
  var completers = ["dkgPrefixes", "variables", "dkgProperties", "dkgClasses"];
  Yasqe.defaults.autocompleters = completers.slice();

  /* Results: the labelled table (in place of YASR's own) and the raw response. */
  Yasr.registerPlugin("table", window.diplokgTable.plugin);
  Yasr.defaults.pluginOrder = ["table", "response"];
  Yasr.defaults.defaultPlugin = "table";

  /* The endpoint's error, as one line next to the query. */
  function queryError(error) {
    var message = error.text || error.statusText || "the endpoint could not be reached";
    try { message = JSON.parse(message).error || message; } catch (e) { /* not JSON: the text itself */ }
    return Promise.resolve(d.el("p", {className: "error query-error", role: "alert",
                                      text: (error.status ? error.status + ": " : "") + message}));
  }

  Yasr.defaults.errorRenderers = [queryError];
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {endpoint: endpoint, method: "POST", acceptHeaderSelect: "application/sparql-results+json",
                    acceptHeaderGraph: "text/turtle", acceptHeaderUpdate: "text/plain"},
    copyEndpointOnNewTab: true,
    populateFromUrl: true,
    autofocus: true,
    persistenceId: "diplokg-workbench",
    endpointCatalogueOptions: {getData: function () { return []; }, keys: []},
    yasqe: {value: config.start, autocompleters: completers.slice(), resizeable: true, editorHeight: "300px"},
    yasr: {pluginOrder: ["table", "response"], defaultPlugin: "table", prefixes: {}}
  });
  window.diplokgYasgui = yasgui;

  /* The cookbook fills the current tab. */
  document.getElementById("cookbook").addEventListener("click", function (e) {
    var button = e.target.closest(".recipe");
    var recipe = button && cookbook.find(function (r) { return r.name === button.dataset.name; });
    if (!recipe) { return; }
    var tab = yasgui.getTab();
    tab.setQuery(recipe.sparql);
    document.querySelectorAll(".recipe").forEach(function (b) { b.classList.toggle("active", b === button); });
    tab.getYasqe().focus();
  });

  /* The query in the address, for sharing (and for Back to find the tab again). */
  function remember(tab) {
    var address = window.location.pathname + "?query=" + encodeURIComponent(tab.getQuery());
    window.history.replaceState(null, "", address);
  }
  yasgui.on("query", function (_, tab) { remember(tab); });
  yasgui.on("tabSelect", function () { setTimeout(updateActions, 0); });
  yasgui.on("queryResponse", function () { setTimeout(updateActions, 0); });
  window.diplokgTable.onLabels(function () { updateActions(); });

  /* Downloads and views of the current result. */
  var actions = document.getElementById("result-actions");
  var csvButton = document.getElementById("download-csv");
  var jsonButton = document.getElementById("download-json");
  var turtleButton = document.getElementById("download-turtle");
  var asNetwork = document.getElementById("as-network");
  var asTimeline = document.getElementById("as-timeline");
  var hint = document.getElementById("action-hint");

  function current() {
    var tab = yasgui.getTab();
    var yasr = tab && tab.getYasr();
    var results = yasr && yasr.results;
    if (!results || results.hasError()) { return null; }
    return {tab: tab, results: results, graph: results.getType() === "ttl",
            ask: results.getBoolean() !== undefined && !(results.getVariables() || []).length};
  }

  function enable(link, href) {
    link.classList.toggle("disabled", !href);
    link.setAttribute("aria-disabled", href ? "false" : "true");
    if (href) { link.href = href; } else { link.removeAttribute("href"); }
  }

  function updateActions() {
    var now = current();
    actions.hidden = !now;
    if (!now) { return; }
    csvButton.disabled = now.ask;
    jsonButton.disabled = false;
    turtleButton.disabled = !now.graph;
    var query = encodeURIComponent(now.tab.getQuery());
    var kinds = now.ask ? {} : window.diplokgTable.columnKinds(now.results);
    var actorColumns = Object.keys(kinds).filter(function (v) {
      return ACTORS.some(function (k) { return kinds[v][k]; });
    });
    var facts = Object.keys(kinds).some(function (v) { return kinds[v].meeting || kinds[v].statement; });
    enable(asNetwork, !now.graph && actorColumns.length >= 2 ?
      config.network + "?query=" + query + "&a=" + encodeURIComponent(actorColumns[0]) + "&b=" + encodeURIComponent(actorColumns[1]) : null);
    enable(asTimeline, !now.graph && facts ? config.timeline + "?query=" + query : null);
    hint.textContent = actorColumns.length >= 2 ? "network of columns " + actorColumns[0] + " and " + actorColumns[1] : "";
  }

  function save(text, type, filename) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = d.el("a", {href: url, download: filename});
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  csvButton.addEventListener("click", function () {
    var now = current();
    if (now) { save(window.diplokgTable.toCsv(now.results), "text/csv", "results.csv"); }
  });
  jsonButton.addEventListener("click", function () {
    var now = current();
    if (!now) { return; }
    if (!now.graph) {
      save(now.results.getOriginalResponseAsString(), "application/sparql-results+json", "results.json");
      return;
    }
    fetch(endpoint, {method: "POST", headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/ld+json"},
                     body: new URLSearchParams({query: now.tab.getQuery()})})
      .then(function (r) { return r.text().then(function (t) { if (!r.ok) { throw new Error(r.status + ": " + t); } return t; }); })
      .then(function (text) { save(text, "application/ld+json", "results.jsonld"); })
      .catch(function (err) { hint.textContent = "JSON-LD download failed: " + err.message; });
  });
  turtleButton.addEventListener("click", function () {
    var now = current();
    if (now && now.graph) { save(now.results.getOriginalResponseAsString(), "text/turtle", "results.ttl"); }
  });
  [asNetwork, asTimeline].forEach(function (link) {
    link.addEventListener("click", function (e) { if (link.classList.contains("disabled")) { e.preventDefault(); } });
  });
  updateActions();
})();
