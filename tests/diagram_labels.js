// Every label of every diagram on the page: its rendered width, and how far (px) its text reaches
// past the left or right of the box that holds it: the foreignObject of an HTML label; for SVG text,
// the smallest filled shape in its group (or the one above) containing its centre. Only across: a
// font changes widths, while heights come from the line height. Used by tests/test_diagram_legibility.py.
() => {
  const out = [];
  const SHAPES = 'rect, polygon, path, circle, ellipse';
  const contains = (box, x, y) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  document.querySelectorAll('.mermaid').forEach((host, index) => {
    const root = host.shadowRoot;
    if (!root) return;
    host.scrollIntoView({ block: 'center' });
    for (const fo of root.querySelectorAll('foreignObject')) {
      const content = fo.firstElementChild;
      if (!content || !content.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(content);
      const text = range.getBoundingClientRect();
      const box = fo.getBoundingClientRect();
      out.push({ diagram: index, label: content.textContent.trim().slice(0, 40), width: text.width, over: Math.max(text.right - box.right, box.left - text.left, 0) });
    }
    for (const text of root.querySelectorAll('text')) {
      if (!text.textContent.trim() || text.closest('foreignObject')) continue;
      const box = text.getBoundingClientRect();
      if (box.width < 1) continue;
      const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
      let holder = null;
      for (let g = text.parentNode, level = 0; g && g !== root && !holder && level < 2; g = g.parentNode, level++) {
        const painted = c => c.matches(SHAPES) && getComputedStyle(c).fill !== 'none' && !/rgba\(.*, 0\)$/.test(getComputedStyle(c).fill);
        const shapes = [...g.children].filter(painted).map(s => s.getBoundingClientRect())
          .filter(b => b.width > 2 && b.height > 2 && contains(b, cx, cy));
        holder = shapes.sort((a, b) => a.width * a.height - b.width * b.height)[0] || null;
        if (g.matches && g.matches('svg')) break;
      }
      const across = holder ? Math.max(box.right - holder.right, holder.left - box.left, 0) : 0;
      out.push({ diagram: index, label: text.textContent.trim().slice(0, 40), width: box.width, over: across });
    }
  });
  return out;
}
