/* What the workbench's scripts share: the page's config, JSON requests, small DOM helpers. */
(function () {
  "use strict";
  var node = document.getElementById("explore-config");
  var config = node ? JSON.parse(node.textContent) : {};

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { e.textContent = attrs[k]; } else if (k === "className") { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  function errorOf(response, text) {
    var message = text;
    try { message = JSON.parse(text).error || text; } catch (e) { /* not JSON: the text itself */ }
    return new Error(response.status + ": " + message);
  }

  function getJson(url) {
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) {
      return r.text().then(function (t) { if (!r.ok) { throw errorOf(r, t); } return JSON.parse(t); });
    });
  }

  function postJson(url, body) {
    return fetch(url, {method: "POST", headers: {"Content-Type": "application/json", "Accept": "application/json"},
                       body: JSON.stringify(body)}).then(function (r) {
      return r.text().then(function (t) { if (!r.ok) { throw errorOf(r, t); } return JSON.parse(t); });
    });
  }

  /* Run a SPARQL query at the endpoint; SPARQL JSON results. */
  function sparql(query) {
    return fetch(config.endpoint || (config.root + "/sparql"), {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
      body: new URLSearchParams({query: query})
    }).then(function (r) {
      return r.text().then(function (t) { if (!r.ok) { throw errorOf(r, t); } return JSON.parse(t); });
    });
  }

  /* Names, kinds and links of IRIs, in one request. */
  function labels(iris) {
    var unique = Array.from(new Set(iris));
    if (!unique.length) { return Promise.resolve({}); }
    return postJson(config.labels || (config.root + "/explore/labels.json"), {iris: unique})
      .then(function (d) { return d.labels; });
  }

  function localHref(iri) {
    var base = config.base || "";
    return base && iri.indexOf(base + "id/") === 0 ? (config.root || "") + "/" + iri.slice(base.length) : iri;
  }

  /* Only http(s) IRIs and this site's own become links (never javascript:, data:, ...). */
  function linkable(iri) {
    return (config.base && iri.indexOf(config.base) === 0) || /^https?:\/\//i.test(iri);
  }

  window.diplokg = {config: config, el: el, getJson: getJson, postJson: postJson, sparql: sparql,
                    labels: labels, localHref: localHref, linkable: linkable};
})();
