/**
 * cloneDocument (src/core/page/clone-document.ts): the copy Readability destroys. It must be the page's
 * tree, URL and all, except that style elements are empty (Readability removes them first thing;
 * parsing their CSS was most of the copy's cost), and the page must not change.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cloneDocument } from '../../../../src/core/page/clone-document.js';

const URL = 'https://news.example/2019/11/15/story.html';
const CSS = '.a { color: red } .b { margin: 0 } '.repeat(20);
const PAGE = `<!doctype html><html lang="de" dir="ltr"><head><title>Story</title><base href="https://cdn.example/">
<style>${CSS}</style><meta name="author" content="Jane Roe"></head>
<body class="page"><!-- c --><style media="screen">${CSS}</style><p>Text <b>bold</b></p>
<svg><style>${CSS}</style><circle r="1"></circle></svg><img src="i.jpg"></body></html>`;

const load = (html: string): Document =>
  new JSDOM(html, { url: URL, virtualConsole: new VirtualConsole() }).window.document;
/** The tree as markup with the text of every style element dropped. */
const withoutStyleText = (html: string): string => html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/g, '$1$2');

describe('cloneDocument', () => {
  it('copies the page with its URL, doctype, attributes, comments and base, and empty style elements', () => {
    const doc = load(PAGE);
    const before = doc.documentElement.outerHTML;
    const copy = cloneDocument(doc, URL);
    expect(copy).not.toBe(doc);
    expect(copy.URL).toBe(URL);
    expect(copy.baseURI).toBe('https://cdn.example/');
    expect(copy.doctype?.name).toBe('html');
    expect(copy.title).toBe('Story');
    expect(copy.documentElement.outerHTML).toBe(withoutStyleText(before));
    const styles = Array.from(copy.getElementsByTagName('style'));
    expect(styles).toHaveLength(3); // head, body and SVG: still there, for the same tree
    expect(styles.every((s) => s.textContent === '')).toBe(true);
    expect(copy.getElementsByTagName('style')[1]!.getAttribute('media')).toBe('screen');
    // The page keeps its styles and is otherwise untouched; the copy is a separate tree.
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(Array.from(doc.getElementsByTagName('style')).every((s) => s.textContent === CSS)).toBe(true);
    copy.body.remove();
    expect(doc.body.querySelector('p')?.textContent).toBe('Text bold');
  });

  it('falls back to a fresh document with a <base> when the doctype cannot be cloned', () => {
    const doc = load(
      `<!doctype 1><html><head><title>T</title><style>${CSS}</style></head><body><p><a href="rel.html">x</a></p></body></html>`,
    );
    const copy = cloneDocument(doc, URL);
    expect(copy.querySelector('a')?.href).toBe('https://news.example/2019/11/15/rel.html');
    expect(copy.getElementsByTagName('style')[0]?.textContent).toBe('');
    expect(copy.body.textContent).toBe('x');
    expect(doc.getElementsByTagName('style')[0]?.textContent).toBe(CSS);
  });
});
