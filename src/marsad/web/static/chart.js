// Volume over time: hand-written SVG line charts (no library, nothing from the network).
// Each .chart element carries {"periods": [...], "series": [{"name", "counts": [...]}]}.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var COLOURS = ["#0b6e4f", "#c0392b", "#2e86de", "#8e44ad", "#e67e22", "#16a085", "#7f8c8d", "#d35400"];
  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function draw(box) {
    var data = JSON.parse(box.getAttribute("data-series"));
    var periods = data.periods, series = data.series.slice(0, COLOURS.length);
    if (!periods.length) { box.textContent = "لا بيانات."; return; }
    var W = 900, H = 240, L = 50, R = 15, T = 10, B = 30;
    var max = 1;
    series.forEach(function (s) { s.counts.forEach(function (c) { if (c > max) max = c; }); });
    var svg = el("svg", {viewBox: "0 0 " + W + " " + H, role: "img", direction: "ltr"}, null);
    // Time runs left to right, as on a calendar axis; labels stay Arabic.
    function x(i) { return L + (periods.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (periods.length - 1)); }
    function y(v) { return T + (H - T - B) * (1 - v / max); }
    [0, 0.5, 1].forEach(function (f) {
      el("line", {x1: L, x2: W - R, y1: y(max * f), y2: y(max * f), stroke: "#e3e7ec"}, svg);
      var v = max * f;
      el("text", {x: L - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#5f6b7a"}, svg).textContent =
        v % 1 ? v.toFixed(1) : String(v);
    });
    var step = Math.max(1, Math.ceil(periods.length / 10));
    periods.forEach(function (p, i) {
      if (i % step === 0) el("text", {x: x(i), y: H - 8, "text-anchor": "middle", "font-size": 11, fill: "#5f6b7a"}, svg).textContent = p;
    });
    series.forEach(function (s, k) {
      var pts = s.counts.map(function (c, i) { return x(i) + "," + y(c); }).join(" ");
      var line = el("polyline", {points: pts, fill: "none", stroke: COLOURS[k], "stroke-width": 2}, svg);
      el("title", {}, line).textContent = s.name;
      s.counts.forEach(function (c, i) {
        var dot = el("circle", {cx: x(i), cy: y(c), r: 3, fill: COLOURS[k]}, svg);
        el("title", {}, dot).textContent = s.name + " " + periods[i] + ": " + c;
      });
    });
    box.appendChild(svg);
    var legend = document.createElement("div");
    legend.className = "legend";
    series.forEach(function (s, k) {
      var item = document.createElement("span"); item.className = "legend-item";
      var sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = COLOURS[k];
      item.appendChild(sw); item.appendChild(document.createTextNode(s.name));
      legend.appendChild(item);
    });
    box.appendChild(legend);
  }
  document.querySelectorAll(".chart[data-series]").forEach(draw);
})();
