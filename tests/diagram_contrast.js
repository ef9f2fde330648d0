() => {
  function parse(c) {
    if (!c || c === 'none' || c.startsWith('url(')) return null;
    let m = c.match(/^rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\)$/);
    if (m) { let a = m[4] === undefined ? 1 : (m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4]); return [+m[1], +m[2], +m[3], a]; }
    m = c.match(/^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)$/);
    if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]];
    return null;
  }
  const over = (top, below) => [0, 1, 2].map(i => top[3] * top[i] + (1 - top[3]) * below[i]);
  const lum = rgb => { const [r, g, b] = rgb.map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [h, l] = [lum(a), lum(b)].sort((x, y) => y - x); return (h + 0.05) / (l + 0.05); };
  function opacity(el, root) { let o = 1; for (let e = el; e && e !== root; e = e.parentNode) { if (e.nodeType !== 1) break; o *= +getComputedStyle(e).opacity; } return o; }
  function pageBg(host) {
    const layers = [];
    for (let e = host; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255, 255, 255];
    for (const l of layers.reverse()) bg = over(l, bg);
    return bg;
  }
  const SHAPES = new Set(['rect', 'path', 'polygon', 'circle', 'ellipse']);
  function layerOf(el, root) {
    const cs = getComputedStyle(el);
    if (el.namespaceURI === 'http://www.w3.org/2000/svg') {
      if (!SHAPES.has(el.tagName)) return null;
      const c = parse(cs.fill); if (!c) return null;
      return [c[0], c[1], c[2], c[3] * (+cs.fillOpacity) * opacity(el, root)];
    }
    const c = parse(cs.backgroundColor); if (!c || c[3] === 0) return null;
    return [c[0], c[1], c[2], c[3] * opacity(el, root)];
  }
  function background(root, x, y, self, base) {
    const stack = root.elementsFromPoint(x, y);
    const layers = [];
    for (const el of stack) {
      if (el === self || el.contains(self) && el.namespaceURI !== 'http://www.w3.org/2000/svg' && false) continue;
      if (self.contains && self.contains(el)) continue;
      if (!root.contains(el)) break;
      const l = layerOf(el, root); if (!l || l[3] === 0) continue;
      layers.push(l); if (l[3] >= 0.999) break;
    }
    let bg = base;
    for (const l of layers.reverse()) bg = over(l, bg);
    return bg;
  }
  const out = [];
  document.querySelectorAll('.mermaid').forEach((host, index) => {
    const root = host.shadowRoot; if (!root) return;
    host.scrollIntoView({ block: 'center' });
    const base = pageBg(host);
    const svg = root.querySelector('svg');
    const kind = svg.getAttribute('aria-roledescription');
    // Text: SVG text elements, and the innermost HTML elements holding text in labels.
    const ownText = e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const texts = [...root.querySelectorAll('text, tspan')].filter(ownText);
    const html = [...root.querySelectorAll('foreignObject *')].filter(ownText);
    const numberMarker = root.querySelector('marker[id$="sequencenumber"] circle');
    for (const el of [...texts, ...html]) {
      const box = el.getBoundingClientRect(); if (box.width < 1 || box.height < 1) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      const isSvg = el.namespaceURI === 'http://www.w3.org/2000/svg';
      let fg = parse(isSvg ? cs.fill : cs.color); if (!fg) continue;
      fg = [fg[0], fg[1], fg[2], fg[3] * (isSvg ? +cs.fillOpacity : 1) * opacity(el, root)];
      let bg = background(root, box.x + box.width / 2, box.y + box.height / 2, el, base);
      // A sequence number sits on a marker's circle, which hit-testing does not see.
      if (numberMarker && el.closest('.sequenceNumber')) bg = over(parse(getComputedStyle(numberMarker).fill), base);
      out.push({ diagram: index, type: kind, what: 'text', label: el.textContent.trim().slice(0, 40), cls: (el.getAttribute('class') || el.parentNode.getAttribute('class') || ''), fg: over(fg, bg).map(Math.round), bg: bg.map(Math.round), ratio: ratio(over(fg, bg), bg) });
    }
    // Lines: stroked, unfilled paths and lines (edges, messages, lifelines, relations), and arrowheads.
    for (const el of root.querySelectorAll('path, line, polyline')) {
      const cs = getComputedStyle(el);
      const inMarker = !!el.closest('marker');
      if (el.closest('.grid, .tick, .divider')) continue;
      const fill = parse(cs.fill), stroke = parse(cs.stroke);
      let colour;
      if (inMarker) {
        // A marker shows by its fill or its outline (a hollow diamond): whichever stands out more.
        const seen = [fill && cs.fill !== 'none' ? fill : null, stroke && parseFloat(cs.strokeWidth) > 0 ? stroke : null]
          .filter(c => c && c[3] > 0);
        colour = seen.sort((a, b) => ratio(over(b, base), base) - ratio(over(a, base), base))[0];
      }
      else { if (el.tagName !== 'line' && el.tagName !== 'polyline' && fill && fill[3] > 0) continue; colour = stroke; if (!colour || parseFloat(cs.strokeWidth) === 0) continue; }
      if (!colour || colour[3] === 0) continue;
      if (inMarker) {
        const id = el.closest('marker').id;
        if (!root.querySelector(`[marker-end="url(#${id})"], [marker-start="url(#${id})"]`)) continue; // unused marker
      }
      let bg = base;
      if (!inMarker) {
        const box = el.getBoundingClientRect(); if (box.width < 1 && box.height < 1) continue;
        let x = box.x + box.width / 2, y = box.y + box.height / 2;
        if (el.getTotalLength) { try { const len = el.getTotalLength(); const p = el.getPointAtLength(len / 2); const m = el.getScreenCTM(); x = m.a * p.x + m.c * p.y + m.e; y = m.b * p.x + m.d * p.y + m.f; } catch (e) {} }
        bg = background(root, x, y, el, base);
      }
      const fg = over([colour[0], colour[1], colour[2], colour[3] * opacity(el, root) * (inMarker ? 1 : +cs.strokeOpacity)], bg);
      out.push({ diagram: index, type: kind, what: inMarker ? 'arrowhead' : 'line', label: (el.getAttribute('class') || el.id || el.tagName).slice(0, 60), fg: fg.map(Math.round), bg: bg.map(Math.round), ratio: ratio(fg, bg) });
    }
  });
  return out;
}
