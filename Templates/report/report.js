(function () {
  "use strict";
  // ddx explore report: links the graph (inline SVG, ids node-… / edge-…--…) with the model's text (data-line).
  // Every value shown comes from the JSON blocks and is inserted with textContent, never as markup.
  var data;
  try { data = JSON.parse(document.getElementById("ddx-data").textContent); } catch (e) { return; }
  var nodes = data.nodes || {}, edges = data.edges || {}, paths = data.paths || [], lineToPaths = data.lineToPaths || {};
  var textBody = document.getElementById("text-body");
  var wrap = document.getElementById("graph-wrap");
  var svg = wrap ? wrap.querySelector("svg.ddx-graph") : null;
  var panel = document.getElementById("hover-panel");
  var pathByIndex = {};
  paths.forEach(function (p) { pathByIndex[p.index] = p; });

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function lineElements(n) { return textBody ? textBody.querySelectorAll('[data-line="' + Number(n) + '"]') : []; }
  function visible(e) { return e.offsetParent !== null || e.getClientRects().length > 0; }

  // Lines that start a path can be clicked to trace it.
  Object.keys(lineToPaths).forEach(function (n) {
    each(lineElements(n), function (e) { e.classList.add("path-line"); e.setAttribute("data-paths", lineToPaths[n].join(" ")); });
  });

  function clear() {
    each(document.querySelectorAll(".hl"), function (e) { e.classList.remove("hl"); });
    each(document.querySelectorAll(".trace"), function (e) { e.classList.remove("trace"); });
    if (svg) {
      svg.classList.remove("tracing");
      each(svg.querySelectorAll(".on, .sel"), function (e) { e.classList.remove("on"); e.classList.remove("sel"); });
    }
  }

  function highlightLines(lines, cls) {
    var first = null;
    (lines || []).forEach(function (n) {
      each(lineElements(n), function (e) {
        e.classList.add(cls);
        if (!first && visible(e)) first = e;
      });
    });
    if (first) {
      var details = first.closest("details");
      if (details && !details.open) details.open = true;
      // Scroll the text pane itself when it scrolls (wide layout), so the graph stays where it is.
      if (textBody && textBody.scrollHeight > textBody.clientHeight + 1 && textBody.contains(first)) {
        var r = first.getBoundingClientRect(), b = textBody.getBoundingClientRect();
        textBody.scrollTop += (r.top - b.top) - (b.height - r.height) / 2;
      } else {
        first.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    }
  }

  function mark(id, cls) {
    var g = document.getElementById(id);
    if (g) g.classList.add(cls);
  }

  function selectNode(id) {
    var node = nodes[id];
    if (!node) return;
    clear();
    mark(id, "sel");
    highlightLines(node.lines, "hl");
    show(id);
  }

  function selectEdge(id) {
    var edge = edges[id];
    if (!edge) return;
    clear();
    mark(id, "sel");
    mark(edge.from, "sel");
    mark(edge.to, "sel");
    highlightLines(edge.lines, "hl");
    show(id);
  }

  function tracePaths(indices) {
    clear();
    if (svg) svg.classList.add("tracing");
    var lines = [];
    indices.forEach(function (i) {
      var p = pathByIndex[i];
      if (!p) return;
      p.nodes.forEach(function (id) { mark(id, "on"); });
      p.edges.forEach(function (id) { mark(id, "on"); });
      lines.push(p.line);
      each(document.querySelectorAll('.path-item[data-path="' + Number(i) + '"]'), function (e) { e.classList.add("trace"); });
    });
    highlightLines(lines, "trace");
  }

  // Hover panel: concept for a node, verdict and evidence for a hop.
  function row(dl, label, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", null, label));
    dl.appendChild(el("dd", null, value));
  }
  function show(id) {
    if (!panel) return;
    var node = nodes[id], edge = edges[id];
    if (!node && !edge) { panel.hidden = true; return; }
    panel.textContent = "";
    var dl = el("dl");
    if (node) {
      panel.appendChild(el("h4", null, node.label));
      row(dl, "role", node.role);
      if (node.concept) {
        row(dl, "concept", node.concept.label);
        row(dl, "id", node.concept.id);
        row(dl, "type", node.concept.type || "unknown");
        row(dl, "match", node.concept.match + " · score " + Number(node.concept.score).toFixed(2));
        row(dl, "source", node.concept.source);
      } else {
        row(dl, "concept", data.grounded ? "not linked to the loaded ontology" : "no ontology loaded");
      }
      if (node.qualifiers && node.qualifiers.length) row(dl, "qualifiers", node.qualifiers.join("; "));
      row(dl, "paths", node.paths.map(function (p) { return "P" + p; }).join(", "));
      row(dl, "lines", node.lines.join(", "));
      panel.appendChild(dl);
    } else {
      panel.appendChild(el("h4", null, edge.fromLabel + " → " + edge.toLabel));
      if (edge.verdict) {
        var dt = el("dt", null, "verdict"), dd = el("dd");
        dd.appendChild(el("span", "chip v-" + edge.verdict.replace(/[^a-z-]/g, ""), edge.verdict));
        dl.appendChild(dt); dl.appendChild(dd);
      } else {
        row(dl, "verdict", data.grounded ? "none" : "no ontology loaded");
      }
      if (edge.relations && edge.relations.length) row(dl, "relation", edge.relations.join("; "));
      if (edge.elided) row(dl, "note", "steps elided between these nodes");
      row(dl, "paths", edge.paths.map(function (p) { return "P" + p; }).join(", "));
      row(dl, "lines", edge.lines.join(", "));
      panel.appendChild(dl);
      if (edge.evidence && edge.evidence.length) {
        var ul = el("ul");
        edge.evidence.slice(0, 12).forEach(function (line) { ul.appendChild(el("li", null, line)); });
        if (edge.evidence.length > 12) ul.appendChild(el("li", null, "… and " + (edge.evidence.length - 12) + " more"));
        panel.appendChild(el("div", null, "Evidence:"));
        panel.appendChild(ul);
      }
    }
    panel.hidden = false;
  }

  if (svg) {
    each(svg.querySelectorAll(".ddx-node, .ddx-edge"), function (g) {
      var id = g.id, isNode = g.classList.contains("ddx-node");
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.addEventListener("click", function (ev) { ev.stopPropagation(); if (isNode) selectNode(id); else selectEdge(id); });
      g.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); if (isNode) selectNode(id); else selectEdge(id); }
      });
      g.addEventListener("mouseenter", function () { show(id); });
      g.addEventListener("focus", function () { show(id); });
      g.addEventListener("mouseleave", function () { if (panel) panel.hidden = true; });
      g.addEventListener("blur", function () { if (panel) panel.hidden = true; });
    });
    svg.addEventListener("click", function () { clear(); });
  }

  if (textBody) {
    textBody.addEventListener("click", function (ev) {
      var t = ev.target && ev.target.closest ? ev.target.closest("[data-paths]") : null;
      if (!t) return;
      tracePaths(t.getAttribute("data-paths").split(" ").map(Number));
    });
  }
  each(document.querySelectorAll(".path-item"), function (li) {
    function go() { tracePaths([Number(li.getAttribute("data-path"))]); }
    li.addEventListener("click", go);
    li.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); go(); } });
  });

  // Formatted / raw text.
  each(document.querySelectorAll(".view-btn"), function (b) {
    b.addEventListener("click", function () {
      var view = b.getAttribute("data-view") === "raw" ? "raw" : "md";
      if (textBody) { textBody.classList.toggle("view-raw", view === "raw"); textBody.classList.toggle("view-md", view !== "raw"); }
      each(document.querySelectorAll(".view-btn"), function (o) {
        var on = o === b;
        o.classList.toggle("on", on);
        o.setAttribute("aria-pressed", on ? "true" : "false");
      });
    });
  });

  // Zoom: fit to the pane, or a multiple of the drawing's natural size (points → pixels).
  var zoom = 0;
  function applyZoom() {
    if (!svg || !wrap) return;
    var w = parseFloat(svg.getAttribute("data-width")) || 800, h = parseFloat(svg.getAttribute("data-height")) || 600;
    if (zoom === 0) {
      wrap.classList.remove("zoomed");
      svg.removeAttribute("width"); svg.removeAttribute("height");
    } else {
      var scale = Math.pow(1.25, zoom) * 4 / 3;
      wrap.classList.add("zoomed");
      svg.setAttribute("width", String(Math.round(w * scale)));
      svg.setAttribute("height", String(Math.round(h * scale)));
    }
    each(document.querySelectorAll(".zoom-btn"), function (b) { b.classList.toggle("on", b.getAttribute("data-zoom") === "fit" && zoom === 0); });
  }
  each(document.querySelectorAll(".zoom-btn"), function (b) {
    b.addEventListener("click", function () {
      var z = b.getAttribute("data-zoom");
      zoom = z === "fit" ? 0 : Math.max(-4, Math.min(6, zoom + (z === "in" ? 1 : -1)));
      applyZoom();
    });
  });
})();
