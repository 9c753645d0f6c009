// The interactive page around vis-network. Everything that came from an article (labels,
// sentences, IRIs) reaches the page through textContent or canvas text only: never innerHTML,
// never an attribute that a browser would interpret (href, src, on*, style).
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var details = byId("details"), search = byId("search"), result = byId("search-result");
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  var LANGUAGES = {ar: "Arabic", en: "English"};
  var LABELLED = 40;      // nodes labelled at any zoom: the best connected of those drawn
  var LABEL_PX = 15;      // their labels' height on screen, whatever the zoom
  var DETAIL_SCALE = 0.8; // zoomed in this far (and past 1.3x the fitted view), every label is drawn

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

  function foldChar(c) {
    return c.normalize("NFKD").replace(/[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640]/g, "").toLowerCase();
  }

  function fold(text) {
    return Array.prototype.map.call(String(text || ""), foldChar).join("");
  }

  function clip(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
  }

  // ------------------------------------------------------------------ nodes and edges

  var nodeInfo = {}, edgeInfo = {};
  data.nodes.forEach(function (n) { nodeInfo[n.id] = n; });
  data.edges.forEach(function (e) { edgeInfo[e.id] = e; });
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
    var meta = [n.type + (n.actor ? "" : " (not an actor)")];
    if (n.country) meta.push(n.country);
    if (n.cameo) meta.push("CAMEO " + n.cameo);
    meta.push("linked to " + n.degree + (n.degree === 1 ? " entity" : " entities"));
    return el("div", {class: "card"},
      el("h3", {}, swatch(n.type),
        textBlock("span", n.label_en || n.label)),
      n.label_ar ? textBlock("div", n.label_ar, {class: "ar"}) : null,
      el("div", {class: "meta"}, meta.join(" \u00b7 ")),
      n.alt_labels.length ? textBlock("div", "Also: " + n.alt_labels.join(", "), {class: "meta"}) : null,
      el("div", {class: "iri"}, n.iri));
  }

  // Where in ``sentence`` an actor is named: [start, end) of its longest name found (folded, so case,
  // accents and Arabic diacritics do not matter), or null. A name may carry clitics (و، ال): substrings count.
  function findName(sentence, folded, n) {
    var names = [n.label_en, n.label_ar, n.label].concat(n.alt_labels);
    (n.label_en || "").split(/\s+/).forEach(function (word) { if (word.length > 3) names.push(word); });
    var best = null;
    names.forEach(function (name) {
      var f = fold(name).trim();
      if (f.length < 2) return;
      var at = folded.text.indexOf(f);
      if (at !== -1 && (!best || f.length > best[1] - best[0])) best = [at, at + f.length];
    });
    if (!best) return null;
    return [folded.start[best[0]], folded.start[best[1] - 1] + 1];
  }

  // The sentence as DOM text with the two actors in <mark> elements (subject, object).
  function markedSentence(sentence, from, to) {
    var folded = {text: "", start: []};
    for (var i = 0; i < sentence.length; i++) {
      var f = foldChar(sentence[i]);
      for (var k = 0; k < f.length; k++) folded.start.push(i);
      folded.text += f;
    }
    var spans = [];
    [[from, "subject"], [to, "object"]].forEach(function (pair) {
      var span = findName(sentence, folded, pair[0]);
      if (span && !spans.some(function (s) { return span[0] < s[1] && s[0] < span[1]; })) {
        spans.push([span[0], span[1], pair[1]]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var block = textBlock("blockquote", sentence), at = 0;
    block.textContent = "";
    spans.forEach(function (s) {
      block.appendChild(document.createTextNode(sentence.slice(at, s[0])));
      block.appendChild(el("mark", {class: s[2]}, sentence.slice(s[0], s[1])));
      at = s[1];
    });
    block.appendChild(document.createTextNode(sentence.slice(at)));
    return block;
  }

  function sourceLine(ev) {
    var parts = [ev.source || "unknown source"];
    if (ev.published) parts.push("published " + ev.published);
    if (ev.date && ev.date !== ev.published) parts.push("event " + ev.date);
    if (ev.lang) parts.push(LANGUAGES[ev.lang] || ev.lang);
    return textBlock("div", parts.join(" \u00b7 "), {class: "source"});
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
      card.appendChild(full ? markedSentence(ev.sentence, from, to) : textBlock("blockquote", ev.sentence));
      if (full) card.appendChild(sourceLine(ev));
    });
    var hidden = e.count - shown.length;
    if (hidden > 0) card.appendChild(el("div", {class: "meta"}, "\u2026 and " + hidden + " more"));
    return card;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var style = data.styles[n.type] || data.styles.Actor;
    return {
      id: n.id, label: nodeLabel(n), shape: style.shape, color: style.color,
      size: 10 + 4 * Math.log2(1 + n.degree), title: nodeCard(n)
    };
  }));

  var QUAD_COLOR = {cooperation: "#3c8d40", conflict: "#d62728", other: "#9e9e9e"};
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var label = e.relation + (e.count > 1 ? " \u00d7" + e.count : "");
    if (e.modality !== "asserted") label += " (" + e.modality + ")";
    return {
      id: e.id, from: e.from, to: e.to, label: label,
      arrows: e.symmetric ? "" : "to", dashes: e.modality !== "asserted",
      color: {color: QUAD_COLOR[e.quad], highlight: "#333", opacity: 0.8},
      width: 1 + Math.log2(e.count), title: edgeCard(e, false)
    };
  }));

  // ------------------------------------------------------------------ what is drawn: filters and scope

  // Every filter is a set of names switched off, so the URL fragment stays short and a new type is on.
  var state = {types: {}, relations: {}, modalities: {}, from: "", to: "", all: !data.core, search: ""};
  var inCore = {};
  (data.core || []).forEach(function (id) { inCore[id] = true; });
  var revealed = {};  // nodes outside the core that a search found
  // What vis draws now (everything, until the first apply()).
  var visibleNodes = {}, visibleEdges = {};
  data.nodes.forEach(function (n) { visibleNodes[n.id] = true; });
  data.edges.forEach(function (e) { visibleEdges[e.id] = true; });

  function edgeDated(e) {
    if (!state.from && !state.to) return true;
    return e.dates.some(function (when) {
      return (!state.from || when >= state.from) && (!state.to || when.slice(0, state.to.length) <= state.to);
    });
  }

  function inScope(id) { return state.all || inCore[id] || revealed[id]; }

  function nodeAllowed(n) { return !state.types[n.type] && inScope(n.id); }

  // Hide and show in place: the layout stays, only the ``hidden`` flags change.
  function apply() {
    var shownNodes = {}, shownEdges = {};
    data.edges.forEach(function (e) {
      if (!state.relations[e.relation] && !state.modalities[e.modality] && edgeDated(e) &&
          nodeAllowed(nodeInfo[e.from]) && nodeAllowed(nodeInfo[e.to])) {
        shownEdges[e.id] = true;
        shownNodes[e.from] = shownNodes[e.to] = true;
      }
    });
    data.nodes.forEach(function (n) {  // an entity with no link drawn is not drawn either
      if (!data.edges.length && nodeAllowed(n)) shownNodes[n.id] = true;
    });
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      if (!!visibleNodes[n.id] !== !!shownNodes[n.id]) nodeUpdates.push({id: n.id, hidden: !shownNodes[n.id]});
    });
    data.edges.forEach(function (e) {
      if (!!visibleEdges[e.id] !== !!shownEdges[e.id]) edgeUpdates.push({id: e.id, hidden: !shownEdges[e.id]});
    });
    visibleNodes = shownNodes;
    visibleEdges = shownEdges;
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    count();
    relabel();
    writeFragment();
  }

  function count() {
    var actors = 0, others = 0;
    Object.keys(visibleNodes).forEach(function (id) { if (nodeInfo[id].actor) actors++; else others++; });
    byId("actor-count").textContent = String(actors);
    byId("entity-count").textContent = String(others);
    byId("link-count").textContent = String(Object.keys(visibleEdges).length);
    byId("node-count").textContent = String(actors + others);
    var scope = byId("scope");
    if (data.core) {
      scope.hidden = false;
      var actorsInAll = data.nodes.filter(function (n) { return n.actor; }).length;
      byId("scope-note").textContent = state.all
        ? "Showing all " + data.nodes.length + " entities (" + actorsInAll + " actors)."
        : "Showing the " + data.core.length + " best-connected of " + data.nodes.length + " entities (" +
          actorsInAll + " actors); the rest are laid out around them.";
      byId("show-all").textContent = state.all ? "Show the core" : "Show all";
    }
  }

  function checkboxes(containerId, counts, off, decorate) {
    var box = byId(containerId);
    Object.keys(counts).sort().forEach(function (name) {
      var input = el("input", {type: "checkbox", value: name});
      input.checked = !off[name];
      input.addEventListener("change", function () {
        if (input.checked) delete off[name]; else off[name] = true;
        apply();
      });
      box.appendChild(el("label", {}, input, decorate ? decorate(name) : null, " " + name + " ",
        el("span", {class: "count"}, "(" + counts[name] + ")")));
    });
  }

  function counter(items, key) {
    var counts = {};
    items.forEach(function (item) { counts[item[key]] = (counts[item[key]] || 0) + 1; });
    return counts;
  }

  // ------------------------------------------------------------------ the URL fragment

  // #hide-types=Position,State&hide-relations=met&hide-modalities=hedged&from=2024-01-01&to=2024-12&all=1&search=X
  var FRAGMENT_SETS = {"hide-types": "types", "hide-relations": "relations", "hide-modalities": "modalities"};

  function readFragment() {
    var hash = window.location.hash.replace(/^#/, "");
    hash.split("&").forEach(function (part) {
      var eq = part.indexOf("="), key = eq === -1 ? part : part.slice(0, eq), raw = eq === -1 ? "" : part.slice(eq + 1);
      var value;
      try { value = decodeURIComponent(raw.replace(/\+/g, " ")); } catch (err) { value = raw; }  // malformed %: as typed
      if (FRAGMENT_SETS[key]) {
        value.split(",").forEach(function (name) { if (name) state[FRAGMENT_SETS[key]][name] = true; });
      } else if (key === "from" || key === "to") {
        if (/^\d{4}(-\d\d){0,2}$/.test(value)) state[key] = value;
      } else if (key === "all") {
        state.all = state.all || value === "1";
      } else if (key === "search") {
        state.search = value;
      }
    });
  }

  function writeFragment() {
    var parts = [];
    Object.keys(FRAGMENT_SETS).forEach(function (key) {
      var names = Object.keys(state[FRAGMENT_SETS[key]]).sort();
      if (names.length) parts.push(key + "=" + names.map(encodeURIComponent).join(","));
    });
    if (state.from) parts.push("from=" + state.from);
    if (state.to) parts.push("to=" + state.to);
    if (data.core && state.all) parts.push("all=1");
    if (state.search) parts.push("search=" + encodeURIComponent(state.search));
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== window.location.hash && !(hash === "" && window.location.hash === "#")) {
      try {
        window.history.replaceState(null, "", hash || window.location.pathname + window.location.search);
      } catch (err) {
        try {
          window.location.replace(hash || "#");  // a fragment change: no reload
        } catch (err2) {
          // srcdoc iframes (notebooks) may refuse both: the view works, it only cannot be shared by URL.
        }
      }
    }
  }

  readFragment();
  checkboxes("type-filter", counter(data.nodes, "type"), state.types, swatch);
  checkboxes("relation-filter", counter(data.edges, "relation"), state.relations);
  checkboxes("modality-filter", counter(data.edges, "modality"), state.modalities);

  // The date range appears only when some link has an event date.
  var allDates = [];
  data.edges.forEach(function (e) { allDates = allDates.concat(e.dates); });
  allDates.sort();
  if (allDates.length) {
    byId("date-section").hidden = false;
    ["from", "to"].forEach(function (which) {
      var input = byId("date-" + which);
      input.min = allDates[0].slice(0, 10);
      input.max = allDates[allDates.length - 1].slice(0, 10);
      if (state[which].length === 10) input.value = state[which];
      input.addEventListener("change", function () { state[which] = input.value; apply(); });
    });
  }

  // ------------------------------------------------------------------ the network

  var many = data.nodes.length > 100;
  var container = byId("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    autoResize: true,
    layout: {improvedLayout: !many, randomSeed: 7},
    nodes: {font: {face: "DejaVu Sans, Noto Sans Arabic, Tahoma, Arial, sans-serif", size: 14,
      strokeWidth: 3, strokeColor: "#ffffff"}, borderWidth: 1,
      scaling: {label: {drawThreshold: 9, maxVisible: 24}}},
    edges: {font: {size: 12, align: "middle", strokeWidth: 3, strokeColor: "#ffffff"},
      smooth: {enabled: !many, type: "dynamic"}, selectionWidth: 2,
      scaling: {label: {drawThreshold: 9, maxVisible: 18}}},
    physics: {
      solver: "barnesHut",
      barnesHut: {gravitationalConstant: -6000, springLength: 140, avoidOverlap: 0.2},
      stabilization: {enabled: true, iterations: many ? 300 : 1000, updateInterval: 50, fit: false}
    },
    interaction: {hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: false}
  });

  // ------------------------------------------------------------------ labels that stay legible

  var labelled = {}, hovered = {}, fittedScale = 1;  // labelled: node id -> its label's vadjust

  function byRank(ids) {
    return ids.sort(function (a, b) { return nodeInfo[a].rank - nodeInfo[b].rank; });
  }

  // Which nodes carry a label at any zoom: the best connected of those drawn, up to LABELLED, skipping one
  // whose label would cover another's or leave the canvas at the current view (so each stays readable).
  function chooseLabelled() {
    var shown = byRank(Object.keys(visibleNodes).map(Number));
    labelled = {};
    if (!settled) return;
    var positions = network.getPositions(shown), scale = network.getScale();
    var width = container.clientWidth, height = container.clientHeight, boxes = [];
    function free(b) {
      return b.left >= 0 && b.top >= 0 && b.right <= width && b.bottom <= height && !boxes.some(function (o) {
        return b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom;
      });
    }
    for (var i = 0; i < shown.length && boxes.length < LABELLED; i++) {
      var id = shown[i], at = network.canvasToDOM(positions[id]), box = labelBox(id), r = nodeRadius(id) * scale;
      var below = {left: at.x - box.half, right: at.x + box.half, top: at.y + r, bottom: at.y + r + box.below};
      var above = {left: below.left, right: below.right, top: at.y - r - box.below, bottom: at.y - r};
      // Under the node as vis draws it, else above it (moved up by vadjust, in canvas units).
      var place = free(below) ? [below, 0] : free(above) ? [above, -(2 * r + box.below) / scale] : null;
      if (!place) continue;
      boxes.push(place[0]);
      labelled[id] = place[1];
    }
  }

  function nodeRadius(id) { return 10 + 4 * Math.log2(1 + nodeInfo[id].degree); }

  // Font sizes for the current zoom: labelled and hovered nodes LABEL_PX high on screen, the rest drawn only
  // once zoomed in (vis skips labels under drawThreshold px); link labels zoomed in, or the one hovered.
  var lastSizes = {};
  function resize() {
    var scale = network.getScale();
    var detail = scale >= DETAIL_SCALE && scale >= 1.3 * fittedScale;
    var big = Math.max(14, LABEL_PX / scale);
    var updates = [];
    data.nodes.forEach(function (n) {
      var shown = n.id in labelled, size = shown || hovered[n.id] ? big : detail ? 14 : 1;
      var vadjust = shown ? labelled[n.id] : 0, key = size + "/" + vadjust;
      if (lastSizes[n.id] !== key) {
        lastSizes[n.id] = key;
        updates.push({id: n.id, font: {size: size, vadjust: vadjust}});
      }
    });
    if (updates.length) nodes.update(updates);
    var edgeSize = detail ? 12 : 1;
    if (edgeSize !== lastSizes.edges) {
      lastSizes.edges = edgeSize;
      network.setOptions({edges: {font: {size: edgeSize}}});
    }
  }

  function relabel() {
    chooseLabelled();
    if (settled) resize();
  }

  // What a fit must leave room for: the labels of the LABELLED best connected among ``ids``.
  function fitLabels(ids) {
    var room = {};
    byRank(ids.slice()).slice(0, LABELLED).forEach(function (id) { room[id] = true; });
    return room;
  }

  // ------------------------------------------------------------------ fitting without clipping

  var measure = document.createElement("canvas").getContext("2d");

  // Half-width, top and bottom extents (screen px) of a node's label: drawn under the node.
  function labelBox(id) {
    var lines = nodeLabel(nodeInfo[id]).split("\n");
    measure.font = LABEL_PX + "px DejaVu Sans, Noto Sans Arabic, Tahoma, Arial, sans-serif";
    var width = Math.max.apply(null, lines.map(function (line) { return measure.measureText(line).width; }));
    return {half: width / 2 + 4, below: lines.length * LABEL_PX * 1.25 + 4};
  }

  // The largest scale at which every given node, and the label of every labelled one, is inside the canvas;
  // then centre them. vis's own fit ignores labels that stay LABEL_PX high whatever the zoom.
  function fitView(ids) {
    if (!ids.length) return;
    var width = container.clientWidth, height = container.clientHeight, margin = 12;
    var positions = network.getPositions(ids), room = fitLabels(ids);
    var items = ids.map(function (id) {
      var r = nodeRadius(id);
      var box = room[id] ? labelBox(id) : {half: 0, below: 0};
      return {x: positions[id].x, y: positions[id].y, r: r, half: box.half, below: box.below};
    });
    // For a scale, the interval of view centres that keeps every item inside [margin, size - margin].
    function interval(scale, coord, before, after, size) {
      var lo = -Infinity, hi = Infinity;
      items.forEach(function (it) {
        lo = Math.max(lo, it[coord] - (size / 2 - margin - after(it)) / scale);
        hi = Math.min(hi, it[coord] + (size / 2 - margin - before(it)) / scale);
      });
      return lo <= hi ? [lo, hi] : null;
    }
    function fits(scale) {
      var x = interval(scale, "x", function (it) { return Math.max(it.r * scale, it.half); },
        function (it) { return Math.max(it.r * scale, it.half); }, width);
      var y = interval(scale, "y", function (it) { return it.r * scale; },
        function (it) { return it.r * scale + it.below; }, height);
      return x && y ? {x: (x[0] + x[1]) / 2, y: (y[0] + y[1]) / 2} : null;
    }
    var lo = 0.01, hi = 1.5, centre = fits(lo);
    for (var i = 0; i < 30; i++) {
      var mid = (lo + hi) / 2, found = fits(mid);
      if (found) { lo = mid; centre = found; } else { hi = mid; }
    }
    if (!centre) {  // labels wider than the canvas: centre the nodes at the smallest scale
      var sum = items.reduce(function (acc, it) { return {x: acc.x + it.x, y: acc.y + it.y}; }, {x: 0, y: 0});
      centre = {x: sum.x / items.length, y: sum.y / items.length};
    }
    fittedScale = lo;
    network.moveTo({position: centre, scale: lo, animation: false});
    relabel();
  }

  function fitShown() { fitView(Object.keys(visibleNodes).map(Number)); }

  // Physics settles once, then stops: the layout stays put while people read it and while filters change.
  var settled = false;
  function settle() {
    if (settled) return;
    settled = true;
    network.setOptions({physics: {enabled: false}});
    apply();
    fitShown();
    if (state.search) {
      search.value = state.search;
      var found = runSearch(false);
      if (found.length === 1) showNode(nodeInfo[found[0]]);
    }
    document.body.setAttribute("data-state", "drawn");
  }
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);

  // Keep everything in view when the window changes size, until the reader pans or zooms.
  var moved = false;
  network.on("dragStart", function (params) { if (!params.nodes.length) moved = true; });
  var pending = false;
  network.on("zoom", function () {
    moved = true;
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; relabel(); });
  });
  network.on("dragEnd", function () { relabel(); });
  network.on("resize", function () {
    // After the canvas has its new size: vis emits "resize" while still updating it.
    if (settled && !moved) window.setTimeout(fitShown, 0);
  });
  network.on("hoverNode", function (params) { hovered[params.node] = true; resize(); });
  network.on("blurNode", function (params) { delete hovered[params.node]; resize(); });
  network.on("hoverEdge", function (params) {
    edges.update({id: params.edge, font: {size: Math.max(12, LABEL_PX / network.getScale())}});
  });
  network.on("blurEdge", function (params) { edges.update({id: params.edge, font: null}); });

  byId("show-all").addEventListener("click", function () {
    state.all = !state.all;
    apply();
    fitShown();
  });

  // ------------------------------------------------------------------ details, search, labels

  function showDetails(card) {
    details.textContent = "";
    details.appendChild(card);
  }
  function showNode(n) {
    showDetails(nodeCard(n));
    data.edges.filter(function (e) { return (e.from === n.id || e.to === n.id) && visibleEdges[e.id]; })
      .forEach(function (e) { details.appendChild(edgeCard(e, true)); });
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showNode(nodeInfo[params.nodes[0]]);
    } else if (params.edges.length) {
      showDetails(edgeCard(edgeInfo[params.edges[0]], true));
    }
  });

  // Actors whose names match, among the types shown; one outside the core is brought into view.
  function runSearch(fit) {
    var query = fold(search.value.trim());
    state.search = search.value.trim();
    if (!query) {
      result.textContent = "";
      network.unselectAll();
      writeFragment();
      return [];
    }
    var found = data.nodes.filter(function (n) {
      return !state.types[n.type] && [n.label_en, n.label_ar, n.iri].concat(n.alt_labels)
        .some(function (name) { return fold(name).indexOf(query) !== -1; });
    }).map(function (n) { return n.id; });
    var outside = found.filter(function (id) { return !inScope(id); });
    outside.forEach(function (id) { revealed[id] = true; });
    if (outside.length) apply(); else writeFragment();
    found = found.filter(function (id) { return visibleNodes[id]; });
    result.textContent = found.length + (found.length === 1 ? " actor" : " actors");
    network.selectNodes(found, false);
    if (fit && found.length) fitView(found);
    return found;
  }
  search.addEventListener("input", function () { runSearch(false); });
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") runSearch(true); });

  byId("label-mode").addEventListener("change", function (event) {
    labelMode = event.target.value;
    nodes.update(data.nodes.map(function (n) { return {id: n.id, label: nodeLabel(n)}; }));
    relabel();  // labels of another width: choose again which fit without covering each other
  });

  if (data.nodes.length === 0) {
    container.appendChild(el("p", {class: "hint"}, "No relations to show."));
    settle();
  }

  // For tests and the curious: what vis-network itself holds (not this page's counters).
  window.actorgraph = {network: network, nodes: nodes, edges: edges, labelled: function () {
    return Object.keys(labelled).map(Number);
  }};
})();
