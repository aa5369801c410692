/**
 * The "ask" mode's offer: a small chip in the page's corner — "Read this in Dateline Reader?"
 * with Open and Not now. It never covers the article, takes no focus, and goes away by itself.
 * Its own shadow root, `all: initial` host with inline !important positioning (the page's
 * CSS can neither restyle nor read it). Built with DOM APIs only (no innerHTML). Its buttons answer
 * only to the user's input, never to page script.
 */
const CSS = `:host{all:initial}
div{position:fixed;right:16px;bottom:16px;z-index:2147483647;display:flex;gap:8px;align-items:center;
padding:8px 10px 8px 14px;border-radius:10px;background:#1d1f23;color:#fff;font:14px/1.3 system-ui,sans-serif;
box-shadow:0 4px 18px rgba(0,0,0,.35)}
button{font:inherit;border:0;border-radius:6px;padding:5px 10px;cursor:pointer;background:#3a3d44;color:#fff}
button.open{background:#4c8bf5}
button:focus-visible{outline:2px solid #9cc0ff;outline-offset:2px}`;

export interface OfferChoice {
  open(): void;
  dismiss(): void;
}

/** Shows the offer; returns a function that removes it. `choice` is called at most once. */
export function showOffer(doc: Document, choice: OfferChoice, timeoutMs = 15_000): () => void {
  const host = doc.createElement('dateline-reader-offer');
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('position', 'fixed', 'important');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  const label = doc.createElement('span');
  label.textContent = 'Read this in Dateline Reader?';
  const open = doc.createElement('button');
  open.className = 'open';
  open.textContent = 'Open';
  const no = doc.createElement('button');
  no.textContent = 'Not now';
  box.append(label, open, no);
  root.append(style, box);
  const remove = (): void => {
    clearTimeout(timer);
    host.remove();
  };
  const timer = setTimeout(remove, timeoutMs);
  // Only the user's own click (or Enter/Space) counts: the shadow root is open, and a page's .click() or
  // dispatched click is untrusted (the same guard as the overlay's controls, overlay/user-input.ts).
  const onUserClick = (button: HTMLElement, act: () => void): void =>
    button.addEventListener('click', (e) => {
      if (e.isTrusted) {
        remove();
        act();
      }
    });
  onUserClick(open, () => choice.open());
  onUserClick(no, () => choice.dismiss());
  doc.documentElement.append(host);
  return remove;
}
