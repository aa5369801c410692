/**
 * The site's name in the toolbar is a menu button (issue #23): the per-site actions ("Always clean
 * <site>", "Never on <site>") live behind it instead of on every article's toolbar, with "Open the
 * original page" at the end. WAI-ARIA menu button pattern: Enter, Space or ↓ opens on the first
 * item, ↑ on the last; ↑/↓/Home/End move; Esc closes back onto the button; Tab or a click elsewhere
 * closes it.
 */
import { h } from './dom.js';

export interface SiteMenu {
  /** The button and its menu, in one positioned wrapper. */
  element: HTMLElement;
  button: HTMLButtonElement;
  isOpen(): boolean;
  setOpen(open: boolean, focus?: 'first' | 'last' | 'button'): void;
}

export function renderSiteMenu(
  doc: Document,
  opts: { site: string; favicon: HTMLElement | null; items: HTMLElement[]; signal: AbortSignal },
): SiteMenu {
  const { signal } = opts;
  const button = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'site-menu',
      title: `Options for ${opts.site}`,
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-controls': 'dr-site-menu',
    },
    opts.favicon,
    h(doc, 'span', { class: 'site-name', dir: 'auto' }, opts.site),
    h(doc, 'span', { class: 'caret', 'aria-hidden': 'true' }, '▾'),
  );
  for (const item of opts.items) {
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
  }
  const menu = h(
    doc,
    'div',
    {
      class: 'menu',
      id: 'dr-site-menu',
      role: 'menu',
      'aria-label': `Options for ${opts.site}`,
      hidden: true,
    },
    ...opts.items,
  );
  const element = h(doc, 'div', { class: 'site' }, button, menu);

  const items = (): HTMLElement[] => opts.items.filter((i) => !(i as HTMLButtonElement).disabled);
  const isOpen = (): boolean => !menu.hidden;
  function setOpen(open: boolean, focus?: 'first' | 'last' | 'button'): void {
    menu.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open && focus === 'first') items()[0]?.focus();
    if (open && focus === 'last') items().at(-1)?.focus();
    if (!open && focus === 'button') button.focus();
  }

  button.addEventListener('click', () => setOpen(!isOpen(), isOpen() ? undefined : 'first'), { signal });
  button.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setOpen(true, e.key === 'ArrowDown' ? 'first' : 'last');
      }
    },
    { signal },
  );
  menu.addEventListener(
    'keydown',
    (e) => {
      const list = items();
      const at = list.indexOf(e.target as HTMLElement);
      const move = (i: number): void => {
        e.preventDefault();
        list[(i + list.length) % list.length]?.focus();
      };
      if (e.key === 'ArrowDown') move(at + 1);
      else if (e.key === 'ArrowUp') move(at - 1);
      else if (e.key === 'Home') move(0);
      else if (e.key === 'End') move(list.length - 1);
      else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false, 'button');
      } else if (e.key === 'Tab') setOpen(false, 'button'); // Tab then moves on from the button
    },
    { signal },
  );
  // A chosen item closes the menu (its own click handler runs first).
  menu.addEventListener(
    'click',
    (e) => {
      if ((e.target as Element).closest('[role="menuitem"]')) setOpen(false, 'button');
    },
    { signal },
  );
  return { element, button, isOpen, setOpen };
}
