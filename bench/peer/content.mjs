/**
 * The peer reader's content script (bench/peer, issue #24): what a typical reader extension does on
 * the toolbar click and nothing else. Readability on a clone of the document, DOMPurify on its HTML,
 * a Shadow-DOM overlay with the title and the content. A second click closes it. Bundled by
 * bench/browser.bench.mjs with esbuild, minified, like our content.js.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';

const TAG = 'peer-reader';
const CSS = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: block; }
.backdrop { position: absolute; inset: 0; overflow: auto; background: #fdfcf8; color: #1d1d1b; }
article { max-width: 42rem; margin: 0 auto; padding: 3rem 1.5rem 6rem; font: 19px/1.6 Georgia, serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1.5rem; }
img, video, figure, iframe { max-width: 100%; height: auto; }
a { color: #1a5fb4; }
.notice { font: 16px/1.5 system-ui, sans-serif; }
`;

function open() {
  const article = new Readability(document.cloneNode(true)).parse();
  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const backdrop = document.createElement('div');
  backdrop.className = 'backdrop';
  const box = document.createElement('article');
  if (article?.content) {
    const h1 = document.createElement('h1');
    h1.textContent = article.title ?? document.title;
    const body = document.createElement('div');
    body.className = 'content';
    body.innerHTML = DOMPurify.sanitize(article.content);
    box.append(h1, body);
  } else {
    const p = document.createElement('p');
    p.className = 'notice';
    p.textContent = 'No article found on this page.';
    box.append(p);
  }
  backdrop.append(box);
  root.append(style, backdrop);
  document.documentElement.append(host);
}

const existing = document.documentElement.querySelector(`:scope > ${TAG}`);
if (existing) existing.remove();
else open();
