/**
 * The test build's background (dist/*-e2e; build.mjs picks this entry for them): the real background
 * plus a small hook on globalThis, because Firefox has no equivalent of Chrome's CDP
 * Extensions.triggerAction. Specs call it from an extension page:
 *   (await browser.runtime.getBackgroundPage()).__test.clickAction(tabId)
 * It runs exactly what a toolbar click runs. No test branches live in production code.
 */
import './index.js';
import { listenInTab, onActionClicked, saveFromTab } from './reader.js';

(globalThis as { __test?: unknown }).__test = {
  clickAction: (tabId: number) => onActionClicked({ id: tabId }),
  saveArticle: (tabId: number) => saveFromTab(tabId),
  listen: (tabId: number) => listenInTab(tabId),
};
