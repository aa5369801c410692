/**
 * While the reader is open the page behind it is locked: no scrolling (the root's overflow is hidden),
 * no focus or screen-reader access (body is inert), and a hostile root style that would hide the
 * overlay with the page (display:none, opacity, filter, transform, zoom on <html>) is neutralised.
 * release() puts back exactly what was there: the same `style` attribute string (or none), the same
 * inert state, the same scroll position, and focus on the element that had it.
 */

export interface PageLock {
  /**
   * Locks scrolling and makes the page inert. Separate from lockPage() so that a reader can paint
   * first (issue #24): `inert` on <body> restyles the whole page and the hidden scrollbar relayouts it,
   * ~25 ms of a first open when done before the overlay's first paint. Called again, it does nothing.
   */
  engage(): void;
  release(): void;
  /**
   * Looks at the root again (hostile CSS added after opening, or the page rewrote the root's style):
   * puts our declarations back and neutralises any new hiding style. release() takes these back too.
   */
  rescue(): void;
}

/** The focused element, looking through open shadow roots (a page's custom elements). */
export function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Root styles that would make a child of <html> invisible whatever its own style says. */
function rescueDeclarations(cs: CSSStyleDeclaration): [string, string][] {
  const out: [string, string][] = [];
  if (cs.display === 'none' || cs.display === 'contents') out.push(['display', 'block']);
  if (cs.opacity !== '1') out.push(['opacity', '1']);
  if (cs.filter && cs.filter !== 'none') out.push(['filter', 'none']);
  if (cs.transform && cs.transform !== 'none') out.push(['transform', 'none']);
  if (cs.getPropertyValue('zoom') && !['1', 'normal', ''].includes(cs.getPropertyValue('zoom')))
    out.push(['zoom', '1']);
  if (cs.getPropertyValue('content-visibility') === 'hidden') out.push(['content-visibility', 'visible']);
  if (cs.clipPath && cs.clipPath !== 'none') out.push(['clip-path', 'none']);
  const mask = cs.getPropertyValue('mask-image') || cs.getPropertyValue('-webkit-mask-image');
  if (mask && mask !== 'none') out.push(['mask', 'none']);
  return out;
}

export function lockPage(doc: Document): PageLock {
  const win = doc.defaultView!;
  const html = doc.documentElement;
  const body = doc.body as HTMLElement | null;
  const savedStyle = html.getAttribute('style');
  const savedInert = body?.hasAttribute('inert') ?? true;
  const x = win.scrollX;
  const y = win.scrollY;
  const active = deepActiveElement(doc);

  const declarations: [string, string][] = [];
  /** Counters hiding root styles not countered yet, looking again after each change, `looks` times at most. */
  const counterNew = (looks: number): boolean => {
    let added = false;
    for (let look = 0; look < looks; look++) {
      const more = rescueDeclarations(win.getComputedStyle(html)).filter(([p]) => !declarations.some(([q]) => q === p));
      if (!more.length) break;
      for (const [prop, value] of more) html.style.setProperty(prop, value, 'important');
      declarations.push(...more);
      added = true;
    }
    return added;
  };
  // Two more looks only on a hostile root: our own style attribute can make new page rules match
  // (`[style] { … }`), and a root that was display:none reports no transform until it has a box again.
  // Ordinary pages pay one style read of a document whose style is clean, not a recalculation.
  if (counterNew(1)) counterNew(2);
  let lockedStyle = html.getAttribute('style');
  let pageChangedRoot = false;
  let engaged = false;

  const lock: PageLock = {
    engage() {
      if (engaged) return;
      engaged = true;
      declarations.unshift(['overflow', 'hidden']);
      if (body && !savedInert) body.setAttribute('inert', '');
      lock.rescue();
    },
    rescue() {
      if (html.getAttribute('style') !== lockedStyle) pageChangedRoot = true;
      let changed = false;
      for (const [prop, value] of declarations) {
        if (html.style.getPropertyValue(prop) !== value || html.style.getPropertyPriority(prop) !== 'important') {
          html.style.setProperty(prop, value, 'important');
          changed = true;
        }
      }
      if (counterNew(2)) changed = true;
      if (changed) lockedStyle = html.getAttribute('style');
    },
    release() {
      if (!pageChangedRoot && html.getAttribute('style') === lockedStyle) {
        if (savedStyle === null) html.removeAttribute('style');
        else html.setAttribute('style', savedStyle);
      } else {
        // The page changed its root style meanwhile: keep its change, take back only ours.
        for (const [prop] of declarations) html.style.removeProperty(prop);
      }
      if (engaged && body && !savedInert) body.removeAttribute('inert');
      if (win.scrollX !== x || win.scrollY !== y) win.scrollTo({ left: x, top: y, behavior: 'instant' });
      if (active && active.isConnected && typeof (active as HTMLElement).focus === 'function') {
        (active as HTMLElement).focus({ preventScroll: true });
      }
    },
  };
  return lock;
}
