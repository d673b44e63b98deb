// Who-met-whom: a small force-directed graph in hand-written SVG (no library).
// Nodes can be dragged; clicking a name opens that entity's page. Grey edges: the two
// entities appear in the same articles; coloured edges: events between them.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var FILL = {PER: "#f5a962", LOC: "#5dade2", ORG: "#a58af2", MISC: "#aab7b8"};
  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function layout(nodes, edges, W, H, centre) {
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / nodes.length;
      n.x = n.id === centre ? W / 2 : W / 2 + Math.cos(a) * W / 3;
      n.y = n.id === centre ? H / 2 : H / 2 + Math.sin(a) * H / 3;
    });
    var byId = {}; nodes.forEach(function (n) { byId[n.id] = n; });
    // Fruchterman-Reingold: repulsion k^2/d between all nodes, attraction d^2/k along
    // edges, moves capped by a temperature that cools; the entity stays in the middle.
    var k = 0.8 * Math.sqrt(W * H / nodes.length), temp = W / 8;
    for (var it = 0; it < 300; it++) {
      nodes.forEach(function (a) {
        a.dx = 0; a.dy = 0;
        nodes.forEach(function (b) {
          if (a === b) return;
          var x = a.x - b.x, y = a.y - b.y, d = Math.sqrt(x * x + y * y) + 0.01, f = k * k / d;
          a.dx += f * x / d; a.dy += f * y / d;
        });
      });
      edges.forEach(function (e) {
        var s = byId[e.source], t = byId[e.target];
        if (!s || !t) return;
        var x = t.x - s.x, y = t.y - s.y, d = Math.sqrt(x * x + y * y) + 0.01, f = d * d / k;
        s.dx += f * x / d; s.dy += f * y / d; t.dx -= f * x / d; t.dy -= f * y / d;
      });
      nodes.forEach(function (n) {
        if (n.id === centre) return;
        var len = Math.sqrt(n.dx * n.dx + n.dy * n.dy) + 0.01, step = Math.min(len, temp);
        n.x = Math.max(60, Math.min(W - 60, n.x + n.dx / len * step));
        n.y = Math.max(30, Math.min(H - 20, n.y + n.dy / len * step));
      });
      temp *= 0.985;
    }
    return byId;
  }
  function draw(box) {
    var data = JSON.parse(box.getAttribute("data-graph"));
    var centre = box.getAttribute("data-centre");
    if (data.nodes.length < 2) { box.textContent = "لا علاقات مسجلة بعد."; return; }
    var W = 900, H = 420;
    var byId = layout(data.nodes, data.edges, W, H, centre);
    var svg = el("svg", {viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "شبكة العلاقات"}, box);
    var lines = data.edges.map(function (e) {
      var ev = e.events > 0;
      var line = el("line", {stroke: ev ? "#c0392b" : "#b8c2cc",
        "stroke-width": Math.min(8, 1 + (ev ? e.events : e.articles) * 0.7)}, svg);
      el("title", {}, line).textContent = (byId[e.source] || {}).name + " — " + (byId[e.target] || {}).name +
        ": " + e.articles + " مقال" + (ev ? "، " + e.events + " حدث (" + e.types.join("، ") + ")" : "");
      return {line: line, e: e};
    });
    var groups = data.nodes.map(function (n) {
      var g = el("g", {"class": "node", "data-id": n.id}, svg);
      el("circle", {r: n.id === centre ? 14 : 9, fill: FILL[n.type] || FILL.MISC, stroke: "#fff", "stroke-width": 2}, g);
      var label = el("text", {y: -14, "text-anchor": "middle"}, g);
      label.textContent = n.name;
      label.addEventListener("click", function () { window.location.href = "/entities/" + encodeURIComponent(n.id); });
      drag(g, n, svg, redraw);
      return {g: g, n: n};
    });
    function redraw() {
      lines.forEach(function (l) {
        var s = byId[l.e.source], t = byId[l.e.target];
        l.line.setAttribute("x1", s.x); l.line.setAttribute("y1", s.y);
        l.line.setAttribute("x2", t.x); l.line.setAttribute("y2", t.y);
      });
      groups.forEach(function (o) { o.g.setAttribute("transform", "translate(" + o.n.x + "," + o.n.y + ")"); });
    }
    redraw();
  }
  function drag(g, n, svg, redraw) {
    g.addEventListener("pointerdown", function (ev) {
      if (ev.target.tagName === "text") return;
      g.setPointerCapture(ev.pointerId);
      function move(e) {
        var pt = svg.createSVGPoint(); pt.x = e.clientX; pt.y = e.clientY;
        var p = pt.matrixTransform(svg.getScreenCTM().inverse());
        n.x = p.x; n.y = p.y; redraw();
      }
      function up() { g.removeEventListener("pointermove", move); g.removeEventListener("pointerup", up); }
      g.addEventListener("pointermove", move); g.addEventListener("pointerup", up);
    });
  }
  document.querySelectorAll(".graph[data-graph]").forEach(draw);
})();
