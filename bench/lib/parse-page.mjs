/**
 * One jsdom parse per page, shared by both extractors. jsdom 29 throws from its constructor on some
 * real stylesheets (e.g. `calc(($a - $b) / 16)` left in by a SCSS build); styles play no part in
 * extraction, so such a page is parsed again with its <style> blocks emptied.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

export function parsePage(html, url) {
  try {
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  } catch {
    const noStyles = html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
    return new JSDOM(noStyles, { url, virtualConsole: new VirtualConsole() });
  }
}
