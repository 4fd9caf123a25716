() => {
  const vw = document.documentElement.clientWidth;
  const FRAMES = '.pst-scrollable-table-container, div.highlight pre, div.math';
  const out = [];
  const hidden = el => el.closest('dialog:not([open]), [hidden], .d-none');
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  for (const el of document.body.querySelectorAll('*')) {
    if (hidden(el) || el.closest(FRAMES)) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    if ((cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
      out.push(`${name(el)} scrolls sideways by ${el.scrollWidth - el.clientWidth} px`);
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && (r.right > vw + 1 || r.left < -1) && cs.position !== 'fixed')
      out.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const text = walker.currentNode;
    const el = text.parentElement;
    if (!text.textContent.trim() || hidden(el) || el.closest(FRAMES)) continue;
    if (getComputedStyle(el).visibility === 'hidden') continue;
    range.selectNodeContents(text);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && (r.right > vw + 1 || r.left < -1)) {
        out.push(`text «${text.textContent.trim().slice(0, 40)}» in ${name(el)} reaches ${Math.round(r.right)} px`);
        break;
      }
    }
  }
  if (document.scrollingElement.scrollWidth > vw + 1) out.push(`the page scrolls sideways by ${document.scrollingElement.scrollWidth - vw} px`);
  return out;
}
