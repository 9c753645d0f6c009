// The interactive page around vis-network. Everything that came from an article (labels,
// sentences, IRIs) reaches the page through textContent or canvas text only: never innerHTML,
// never an attribute that a browser would interpret (href, src, on*, style).
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

  // el("p", {class: "meta"}, "text", otherElement): children that are strings become text nodes.
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === "") continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function textBlock(tag, text, attrs) {
    attrs = attrs || {};
    attrs.dir = "auto";
    if (ARABIC.test(text)) attrs.lang = "ar";
    return el(tag, attrs, text);
  }

  function fold(text) {
    return String(text || "").normalize("NFKD")
      .replace(/[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640]/g, "").toLowerCase();
  }

  function clip(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
  }

  // ------------------------------------------------------------------ nodes and edges

  var nodeInfo = {};
  data.nodes.forEach(function (n) { nodeInfo[n.id] = n; });
  var labelMode = "both";

  function nodeLabel(n) {
    var en = clip(n.label_en || "", 48), ar = clip(n.label_ar || "", 48);
    if (labelMode === "en") return en || ar || n.label;
    if (labelMode === "ar") return ar || en || n.label;
    if (en && ar && en !== ar) return en + "\n" + ar;
    return en || ar || n.label;
  }

  // The legend's symbol for a type: the shape as a character, in the type's colour.
  function swatch(type) {
    var style = data.styles[type] || data.styles.Actor;
    var span = el("span", {class: "swatch"}, style.symbol);
    span.style.color = style.color;
    return span;
  }

  function nodeCard(n) {
    var meta = [n.type];
    if (n.country) meta.push(n.country);
    if (n.cameo) meta.push("CAMEO " + n.cameo);
    meta.push("linked to " + n.degree + (n.degree === 1 ? " actor" : " actors"));
    return el("div", {class: "card"},
      el("h3", {}, swatch(n.type),
        textBlock("span", n.label_en || n.label)),
      n.label_ar ? textBlock("div", n.label_ar, {class: "ar"}) : null,
      el("div", {class: "meta"}, meta.join(" \u00b7 ")),
      n.alt_labels.length ? textBlock("div", "Also: " + n.alt_labels.join(", "), {class: "meta"}) : null,
      el("div", {class: "iri"}, n.iri));
  }

  function edgeCard(e, full) {
    var from = nodeInfo[e.from], to = nodeInfo[e.to];
    var meta = [e.modality];
    if (e.plover) meta.push(e.plover);
    meta.push(e.count + (e.count === 1 ? " statement" : " statements"));
    if (e.first_date) meta.push(e.first_date === e.last_date ? e.first_date : e.first_date + " \u2013 " + e.last_date);
    var card = el("div", {class: "card"},
      el("h3", {}, textBlock("span", from.label), " \u2014 " + e.relation + (e.symmetric ? " \u2014 " : " \u2192 "),
        textBlock("span", to.label)),
      el("div", {class: "meta"}, meta.join(" \u00b7 ")));
    var shown = full ? e.evidence : e.evidence.slice(0, 2);
    shown.forEach(function (ev) {
      var source = [ev.date, ev.lang].filter(Boolean).join(" \u00b7 ");
      card.appendChild(textBlock("blockquote", ev.sentence));
      if (full) card.appendChild(el("div", {class: "iri"}, source ? source + " \u00b7 " + ev.document : ev.document));
    });
    var hidden = e.count - shown.length;
    if (hidden > 0) card.appendChild(el("div", {class: "meta"}, "\u2026 and " + hidden + " more"));
    return card;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var style = data.styles[n.type] || data.styles.Actor;
    return {
      id: n.id, label: nodeLabel(n), shape: style.shape, color: style.color,
      size: 10 + 4 * Math.log2(1 + n.degree), title: nodeCard(n), type: n.type
    };
  }));

  var QUAD_COLOR = {cooperation: "#3c8d40", conflict: "#d62728", other: "#9e9e9e"};
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var label = e.relation + (e.count > 1 ? " \u00d7" + e.count : "");
    if (e.modality !== "asserted") label += " (" + e.modality + ")";
    return {
      id: e.id, from: e.from, to: e.to, label: label, relation: e.relation, modality: e.modality,
      arrows: e.symmetric ? "" : "to", dashes: e.modality !== "asserted",
      color: {color: QUAD_COLOR[e.quad], highlight: "#333", opacity: 0.8},
      width: 1 + Math.log2(e.count), title: edgeCard(e, false)
    };
  }));
  var edgeInfo = {};
  data.edges.forEach(function (e) { edgeInfo[e.id] = e; });

  // ------------------------------------------------------------------ filters and legend

  var shownTypes = {}, shownRelations = {}, shownModalities = {};
  var nodesView = new vis.DataView(nodes, {filter: function (n) { return shownTypes[n.type]; }});
  var edgesView = new vis.DataView(edges, {filter: function (e) {
    return shownRelations[e.relation] && shownModalities[e.modality] &&
      shownTypes[nodeInfo[e.from].type] && shownTypes[nodeInfo[e.to].type];
  }});

  function refresh() {
    nodesView.refresh();
    edgesView.refresh();
  }

  function checkboxes(containerId, counts, state, decorate) {
    var box = byId(containerId);
    Object.keys(counts).sort().forEach(function (name) {
      state[name] = true;
      var input = el("input", {type: "checkbox", value: name});
      input.checked = true;
      input.addEventListener("change", function () { state[name] = input.checked; refresh(); });
      box.appendChild(el("label", {}, input, decorate ? decorate(name) : null, " " + name + " ",
        el("span", {class: "count"}, "(" + counts[name] + ")")));
    });
  }

  function counter(items, key) {
    var counts = {};
    items.forEach(function (item) { counts[item[key]] = (counts[item[key]] || 0) + 1; });
    return counts;
  }

  checkboxes("type-filter", counter(data.nodes, "type"), shownTypes, swatch);
  checkboxes("relation-filter", counter(data.edges, "relation"), shownRelations);
  checkboxes("modality-filter", counter(data.edges, "modality"), shownModalities);

  // ------------------------------------------------------------------ the network

  var many = data.nodes.length > 100;
  var network = new vis.Network(byId("network"), {nodes: nodesView, edges: edgesView}, {
    autoResize: true,
    layout: {improvedLayout: !many, randomSeed: 7},
    nodes: {font: {face: "DejaVu Sans, Noto Sans Arabic, Tahoma, Arial, sans-serif", size: 14,
      strokeWidth: 3, strokeColor: "#ffffff"}, borderWidth: 1},
    edges: {font: {size: 11, align: "middle", strokeWidth: 3, strokeColor: "#ffffff"},
      smooth: {enabled: true, type: "dynamic"}, selectionWidth: 2},
    physics: {
      solver: "barnesHut",
      barnesHut: {gravitationalConstant: -6000, springLength: 140, avoidOverlap: 0.2},
      stabilization: {enabled: true, iterations: many ? 400 : 1000, updateInterval: 50, fit: true}
    },
    interaction: {hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: false}
  });

  // Physics settles once, then stops: the layout stays put while people read it.
  var settled = false;
  function settle() {
    if (settled) return;
    settled = true;
    network.setOptions({physics: {enabled: false}});
    network.fit();
  }
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);
  // Keep everything in view when the window changes size, until the reader pans or zooms.
  var moved = false;
  network.on("dragStart", function (params) { if (!params.nodes.length) moved = true; });
  network.on("zoom", function () { moved = true; });
  network.on("resize", function () {
    // After the canvas has its new size: vis emits "resize" while still updating it.
    if (settled && !moved) window.setTimeout(function () { network.fit(); }, 0);
  });

  function markDrawn() {
    byId("node-count").textContent = String(Object.keys(network.getPositions()).length);
    document.body.setAttribute("data-state", "drawn");
  }
  network.on("afterDrawing", function () { if (settled) markDrawn(); });
  if (data.nodes.length === 0) {
    byId("network").appendChild(el("p", {class: "hint"}, "No relations to show."));
    settle();
    markDrawn();
  }

  // ------------------------------------------------------------------ details, search, labels

  var details = byId("details");
  function showDetails(card) {
    details.textContent = "";
    details.appendChild(card);
  }
  function showNode(n) {
    showDetails(nodeCard(n));
    data.edges.filter(function (e) { return e.from === n.id || e.to === n.id; })
      .forEach(function (e) { details.appendChild(edgeCard(e, true)); });
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showNode(nodeInfo[params.nodes[0]]);
    } else if (params.edges.length) {
      showDetails(edgeCard(edgeInfo[params.edges[0]], true));
    }
  });

  var search = byId("search"), result = byId("search-result");
  function runSearch(fit) {
    var query = fold(search.value.trim());
    if (!query) {
      result.textContent = "";
      network.unselectAll();
      return [];
    }
    var found = data.nodes.filter(function (n) {
      return shownTypes[n.type] && [n.label_en, n.label_ar, n.iri].concat(n.alt_labels)
        .some(function (name) { return fold(name).indexOf(query) !== -1; });
    }).map(function (n) { return n.id; });
    result.textContent = found.length + (found.length === 1 ? " actor" : " actors");
    network.selectNodes(found, false);
    if (fit && found.length) network.fit({nodes: found, animation: false});
    return found;
  }
  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") runSearch(true); });

  // A link can open the page on an actor and its evidence: graph.html#search=Nakatani
  var wanted = /^#search=(.+)$/.exec(window.location.hash);
  if (wanted) {
    try {
      search.value = decodeURIComponent(wanted[1]);
    } catch (err) {
      search.value = wanted[1];  // a malformed %-escape: search for it as typed
    }
    var found = runSearch(false);
    if (found.length === 1) showNode(nodeInfo[found[0]]);
  }

  byId("label-mode").addEventListener("change", function (event) {
    labelMode = event.target.value;
    nodes.update(data.nodes.map(function (n) { return {id: n.id, label: nodeLabel(n)}; }));
  });
})();
