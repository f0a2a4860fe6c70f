// Injected by scripts/browser-check into a copy of a report (with its Content Security Policy
// removed, so that it may run), which is shown in a frame of the width to test (a headless
// window is never narrower than 500 px). Measures the page as laid out and sends the findings
// as JSON to the frame's parent, which writes them where `chromium --dump-dom` prints them.
(function () {
  var width = window.innerWidth;
  var root = document.documentElement;
  var result = { width: width, scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth) };
  function where(e) {
    var f = e.closest('figure, table, section, article');
    return f ? f.tagName.toLowerCase() + (f.id ? '#' + f.id : '') : 'body';
  }
  // Elements reaching past the right edge of the window, outside the frames that scroll.
  var wide = [];
  document.querySelectorAll('body *').forEach(function (e) {
    if (e.closest('.table-wrap, figure') && getComputedStyle(e.closest('.table-wrap, figure')).overflowX !== 'visible') return;
    var b = e.getBoundingClientRect();
    if (b.width > 0 && b.right > width + 1) wide.push(e.tagName.toLowerCase() + ' in ' + where(e) + ' reaches ' + Math.round(b.right) + ' px');
  });
  result.wide = wide.slice(0, 8);
  result.wideCount = wide.length;
  // Tables that scroll sideways inside their frame: on a phone a reader has to find the rest.
  var scrolling = [];
  document.querySelectorAll('.table-wrap').forEach(function (w) {
    if (w.scrollWidth > w.clientWidth + 1) {
      var c = w.querySelector('caption');
      scrolling.push(where(w.querySelector('table') || w) + (c ? ' "' + c.textContent.trim().slice(0, 40) + '"' : '') + ' is ' + w.scrollWidth + ' px wide in ' + w.clientWidth + ' px');
    }
  });
  result.scrollingTables = scrolling.slice(0, 8);
  result.scrollingTableCount = scrolling.length;
  // Chart text: its size on screen, and whether it is cut off by the picture's edge or set
  // over other text.
  var minPx = Infinity, small = [], clipped = [], overlaps = [];
  document.querySelectorAll('svg').forEach(function (svg) {
    var m = svg.getScreenCTM();
    if (!m) return;
    var vb = svg.viewBox.baseVal;
    var texts = Array.prototype.slice.call(svg.querySelectorAll('text'));
    var boxes = [];
    texts.forEach(function (t) {
      var px = parseFloat(getComputedStyle(t).fontSize) * Math.abs(m.a);
      if (px < minPx) minPx = px;
      if (px < 10.95) small.push(where(svg) + ': "' + t.textContent.slice(0, 30) + '" at ' + px.toFixed(1) + ' px');
      if (!t.hasAttribute('transform')) {
        var b = t.getBBox();
        if (b.x < vb.x - 0.5 || b.x + b.width > vb.x + vb.width + 0.5 || b.y < vb.y - 0.5 || b.y + b.height > vb.y + vb.height + 0.5)
          clipped.push(where(svg) + ': "' + t.textContent.slice(0, 40) + '"');
      }
      boxes.push({ t: t, b: t.getBoundingClientRect() });
    });
    for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i].b, c = boxes[j].b;
      var dx = Math.min(a.right, c.right) - Math.max(a.left, c.left);
      var dy = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
      if (dx > 1 && dy > 2) overlaps.push(where(svg) + ': "' + boxes[i].t.textContent.slice(0, 20) + '" over "' + boxes[j].t.textContent.slice(0, 20) + '"');
    }
  });
  result.minChartPx = minPx === Infinity ? null : Math.round(minPx * 100) / 100;
  result.small = small.slice(0, 8);
  result.clipped = clipped.slice(0, 8);
  result.overlaps = overlaps.slice(0, 8);
  parent.postMessage(JSON.stringify(result), '*');
})();
