/* A small SPARQL syntax highlighter: text in, escaped HTML with token spans out. */
(function (global) {
  "use strict";
  var KEYWORDS = ("BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED DISTINCT REDUCED " +
    "ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING OPTIONAL UNION MINUS GRAPH FILTER BIND VALUES " +
    "SERVICE SILENT AS NOT EXISTS IN UNDEF COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR " +
    "STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN " +
    "UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY " +
    "HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE " +
    "IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE " +
    "TRUE FALSE A").split(" ");
  var KEYWORD_SET = {};
  KEYWORDS.forEach(function (k) { KEYWORD_SET[k] = true; });
  var TOKEN = new RegExp([
    "(#[^\\n]*)",                                   // 1 comment
    "(<[^<>\"{}|^`\\\\\\s]*>)",                      // 2 IRI
    "(\"\"\"[\\s\\S]*?(?:\"\"\"|$)|'''[\\s\\S]*?(?:'''|$)|\"(?:[^\"\\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\\n]|\\\\.)*'?)", // 3 string
    "([?$][A-Za-z0-9_\\u00B7\\u00C0-\\uFFFF]+)",     // 4 variable
    "((?:[A-Za-z][\\w.-]*)?:[\\w.%:-]*)",            // 5 prefixed name
    "(@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\\^\\^)",         // 6 language tag or datatype marker
    "([+-]?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)",     // 7 number
    "([A-Za-z_]\\w*)"                                // 8 word
  ].join("|"), "g");
  var CLASSES = [null, "tok-comment", "tok-iri", "tok-string", "tok-var", "tok-pname", "tok-meta", "tok-number", null];

  function escapeHtml(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function highlightSparql(text) {
    var out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      out += escapeHtml(text.slice(last, m.index));
      var cls = null;
      for (var i = 1; i < CLASSES.length; i++) {
        if (m[i] !== undefined) {
          cls = CLASSES[i];
          if (i === 8 && KEYWORD_SET[m[i].toUpperCase()]) { cls = "tok-keyword"; }
          break;
        }
      }
      out += cls ? '<span class="' + cls + '">' + escapeHtml(m[0]) + "</span>" : escapeHtml(m[0]);
      last = TOKEN.lastIndex;
    }
    return out + escapeHtml(text.slice(last));
  }

  global.highlightSparql = highlightSparql;
})(window);
