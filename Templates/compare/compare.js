(function () {
  "use strict";
  // ddx compare page: links the merged graph (inline SVG, ids node-… / edge-…--…, classes prov-…) with both texts
  // (#text-a, #text-b, data-line). Every value shown comes from the JSON block and is inserted with textContent.
  var data;
  try { data = JSON.parse(document.getElementById("ddx-data").textContent); } catch (e) { return; }
  var nodes = data.nodes || {}, edges = data.edges || {}, paths = data.paths || [], lineToPaths = data.lineToPaths || {};
  var bodies = { a: document.getElementById("text-a"), b: document.getElementById("text-b") };
  var wrap = document.getElementById("graph-wrap");
  var svg = wrap ? wrap.querySelector("svg.ddx-graph") : null;
  var panel = document.getElementById("hover-panel");
  var pathByIndex = {};
  paths.forEach(function (p) { pathByIndex[p.index] = p; });
  var sideName = { a: data.sideA || "A", b: data.sideB || "B" };

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function lineElements(side, n) {
    var body = bodies[side];
    return body ? body.querySelectorAll('[data-line="' + Number(n) + '"]') : [];
  }
  function visible(e) { return e.offsetParent !== null || e.getClientRects().length > 0; }

  ["a", "b"].forEach(function (side) {
    var map = lineToPaths[side] || {};
    Object.keys(map).forEach(function (n) {
      each(lineElements(side, n), function (e) { e.classList.add("path-line"); e.setAttribute("data-paths", map[n].join(" ")); });
    });
  });

  function clear() {
    each(document.querySelectorAll(".hl"), function (e) { e.classList.remove("hl"); });
    each(document.querySelectorAll(".trace"), function (e) { e.classList.remove("trace"); });
    if (svg) {
      svg.classList.remove("tracing");
      each(svg.querySelectorAll(".on, .sel"), function (e) { e.classList.remove("on"); e.classList.remove("sel"); });
    }
  }

  // Highlights lines of one text and scrolls that text's pane (not the page) to the first of them.
  function highlightLines(side, lines, cls) {
    var body = bodies[side], first = null;
    (lines || []).forEach(function (n) {
      each(lineElements(side, n), function (e) {
        e.classList.add(cls);
        if (!first && visible(e)) first = e;
      });
    });
    if (first && body) {
      var details = first.closest("details");
      if (details && !details.open) details.open = true;
      if (body.scrollHeight > body.clientHeight + 1) {
        var r = first.getBoundingClientRect(), b = body.getBoundingClientRect();
        body.scrollTop += (r.top - b.top) - (b.height - r.height) / 2;
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
    highlightLines("a", node.linesA, "hl");
    highlightLines("b", node.linesB, "hl");
    show(id);
  }

  function selectEdge(id) {
    var edge = edges[id];
    if (!edge) return;
    clear();
    mark(id, "sel");
    mark(edge.from, "sel");
    mark(edge.to, "sel");
    highlightLines("a", edge.linesA, "hl");
    highlightLines("b", edge.linesB, "hl");
    each(document.querySelectorAll('.hop-row[data-edge="' + id + '"]'), function (r) { r.classList.add("hl"); });
    show(id);
  }

  function tracePaths(indices) {
    clear();
    if (svg) svg.classList.add("tracing");
    var lines = { a: [], b: [] };
    indices.forEach(function (i) {
      var p = pathByIndex[i];
      if (!p) return;
      p.nodes.forEach(function (id) { mark(id, "on"); });
      p.edges.forEach(function (id) { mark(id, "on"); });
      lines[p.side === "b" ? "b" : "a"].push(p.line);
      each(document.querySelectorAll('.path-item[data-path="' + Number(i) + '"]'), function (e) { e.classList.add("trace"); });
    });
    highlightLines("a", lines.a, "trace");
    highlightLines("b", lines.b, "trace");
  }

  function provenanceText(p) {
    if (p === "only-a") return "only A (" + sideName.a + ")";
    if (p === "only-b") return "only B (" + sideName.b + ")";
    return "both";
  }
  function row(dl, label, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", null, label));
    dl.appendChild(el("dd", null, value));
  }
  function verdictRow(dl, label, verdict, present) {
    var dd = el("dd");
    if (verdict) dd.appendChild(el("span", "chip v-" + String(verdict).replace(/[^a-z-]/g, ""), verdict));
    else dd.textContent = present ? (data.grounded ? "none" : "no ontology loaded") : "—";
    dl.appendChild(el("dt", null, label));
    dl.appendChild(dd);
  }
  function evidence(title, lines) {
    if (!lines || !lines.length) return;
    panel.appendChild(el("div", null, title));
    var ul = el("ul");
    lines.slice(0, 8).forEach(function (line) { ul.appendChild(el("li", null, line)); });
    if (lines.length > 8) ul.appendChild(el("li", null, "… and " + (lines.length - 8) + " more"));
    panel.appendChild(ul);
  }
  function show(id) {
    if (!panel) return;
    var node = nodes[id], edge = edges[id];
    if (!node && !edge) { panel.hidden = true; return; }
    panel.textContent = "";
    var dl = el("dl");
    if (node) {
      panel.appendChild(el("h4", null, node.label));
      if (node.labelB) row(dl, "in B", node.labelB);
      row(dl, "found in", provenanceText(node.provenance));
      row(dl, "role", node.role);
      row(dl, "concept", node.concept || (data.grounded ? "not linked to the loaded ontology" : "no ontology loaded"));
      row(dl, "paths", node.paths);
      row(dl, "lines in A", node.linesA.join(", "));
      row(dl, "lines in B", node.linesB.join(", "));
      panel.appendChild(dl);
    } else {
      panel.appendChild(el("h4", null, edge.fromLabel + " → " + edge.toLabel));
      row(dl, "found in", provenanceText(edge.provenance));
      verdictRow(dl, "verdict in A", edge.verdictA, edge.provenance !== "only-b");
      verdictRow(dl, "verdict in B", edge.verdictB, edge.provenance !== "only-a");
      row(dl, "paths", edge.paths);
      row(dl, "lines in A", edge.linesA.join(", "));
      row(dl, "lines in B", edge.linesB.join(", "));
      panel.appendChild(dl);
      evidence("Evidence (A):", edge.evidenceA);
      if ((edge.evidenceB || []).join("\n") !== (edge.evidenceA || []).join("\n")) evidence("Evidence (B):", edge.evidenceB);
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

  ["a", "b"].forEach(function (side) {
    var body = bodies[side];
    if (!body) return;
    body.addEventListener("click", function (ev) {
      var t = ev.target && ev.target.closest ? ev.target.closest("[data-paths]") : null;
      if (t) tracePaths(t.getAttribute("data-paths").split(" ").map(Number));
    });
  });
  function activate(elements, fn) {
    each(elements, function (e) {
      e.addEventListener("click", function () { fn(e); });
      e.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); fn(e); } });
    });
  }
  activate(document.querySelectorAll(".path-item"), function (li) { tracePaths([Number(li.getAttribute("data-path"))]); });
  var countA = paths.filter(function (p) { return p.side !== "b"; }).length;
  activate(document.querySelectorAll(".div-item"), function (li) {
    tracePaths([Number(li.getAttribute("data-path-a")), countA + Number(li.getAttribute("data-path-b"))]);
    li.classList.add("trace");
  });
  activate(document.querySelectorAll(".hop-row"), function (tr) { selectEdge(tr.getAttribute("data-edge")); });

  // Formatted / raw text, per pane.
  each(document.querySelectorAll(".side-pane"), function (pane) {
    var body = pane.querySelector(".text-body");
    var buttons = pane.querySelectorAll(".view-btn");
    each(buttons, function (b) {
      b.addEventListener("click", function () {
        var raw = b.getAttribute("data-view") === "raw";
        if (body) { body.classList.toggle("view-raw", raw); body.classList.toggle("view-md", !raw); }
        each(buttons, function (o) {
          o.classList.toggle("on", o === b);
          o.setAttribute("aria-pressed", o === b ? "true" : "false");
        });
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
