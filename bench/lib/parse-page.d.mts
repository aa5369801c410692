import type { JSDOM } from 'jsdom';

/** See parse-page.mjs: jsdom parse, retried with <style> blocks emptied when jsdom's CSS parser throws. */
export function parsePage(html: string, url?: string): JSDOM;
