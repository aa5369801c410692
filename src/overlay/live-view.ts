/**
 * A live blog in the reader (issue #20): a "Live" marker and the page's entries as a timeline, in the
 * page's own order, each under its time. Times are the publisher's wall clock in the reader's locale,
 * formatted like the dateline ("2:05 PM", with "UTC−4" only when it differs from the dateline's; the
 * date too when the entry is not on the story's day); an entry with no machine-readable time shows its
 * time exactly as the page printed it.
 * Entry HTML reaches the screen only through sanitizeToFragment, like the article's.
 */
import type { LiveBlog, LiveEntry } from '../core/types.js';
import { sanitizeToFragment, type SanitizeOptions } from '../core/sanitize.js';
import { h } from './dom.js';
import { formatStated, formatStatedTime, parseStated } from './dateline-view.js';

export interface LiveViewOptions {
  locale?: string;
  /** The story's published time (the dateline's): entries on that day show their time only. */
  published?: string | null;
  sanitize?: SanitizeOptions;
}

/** The story's day and its stated offset (minutes east of UTC), from the dateline's published time. */
interface Story {
  day: string | null;
  offset: number | null;
}

function day(iso: string | null | undefined): string | null {
  return iso ? (parseStated(iso)?.wall.toISOString().slice(0, 10) ?? null) : null;
}

/** The entry's time as shown: the publisher's clock in the reader's locale, or the page's own words. */
function timeOf(doc: Document, e: LiveEntry, story: Story, locale?: string): HTMLElement | null {
  const parsed = e.time ? parseStated(e.time) : null;
  // The story's own offset is on the dateline already: an entry repeats it only when it differs.
  const stated = parsed && parsed.offset === story.offset ? { ...parsed, offset: null } : parsed;
  const storyDay = story.day;
  if (e.time && stated) {
    const text =
      stated.hasTime && (storyDay === null || day(e.time) === storyDay)
        ? formatStatedTime(stated, locale)
        : formatStated(stated, locale);
    return h(doc, 'time', { datetime: e.time, ...(e.printed ? { title: e.printed } : {}) }, text);
  }
  return e.printed ? h(doc, 'span', { class: 'printed', dir: 'auto' }, e.printed) : null;
}

export function renderLiveBlog(doc: Document, live: LiveBlog, opts: LiveViewOptions = {}): HTMLElement {
  const days = new Set(live.entries.map((e) => day(e.time)).filter(Boolean));
  // The story's day, or the one day every entry shares: then each entry needs its time only.
  const story: Story = {
    day: day(opts.published) ?? (days.size === 1 ? [...days][0]! : null),
    offset: (opts.published ? parseStated(opts.published)?.offset : null) ?? null,
  };
  const items = live.entries.map((e) =>
    h(
      doc,
      'li',
      { class: 'entry' },
      h(doc, 'p', { class: 'entry-time', dir: 'ltr' }, timeOf(doc, e, story, opts.locale)),
      e.title ? h(doc, 'h2', { class: 'entry-title', dir: 'auto' }, e.title) : null,
      h(doc, 'div', { class: 'entry-body' }, sanitizeToFragment(e.content, doc, opts.sanitize)),
    ),
  );
  const count = live.entries.length;
  return h(
    doc,
    'section',
    { class: 'live', 'aria-label': 'Live updates' },
    h(
      doc,
      'p',
      { class: 'live-head', dir: 'ltr', lang: 'en' },
      h(doc, 'span', { class: 'live-badge' }, 'Live'),
      ` ${count} update${count === 1 ? '' : 's'}`,
    ),
    h(doc, 'ol', { class: 'timeline' }, ...items),
  );
}

export const LIVE_CSS = String.raw`
.live-head {
  font: 600 14px/1.4 var(--ui); color: var(--muted); margin: 0 0 18px; display: flex; align-items: center; gap: .5em;
}
.live-badge {
  font: 700 12px/1 var(--ui); letter-spacing: .08em; text-transform: uppercase; color: var(--bg);
  background: var(--accent); padding: 4px 8px 4px 20px; border-radius: 4px; position: relative;
}
.live-badge::before {
  content: ""; position: absolute; inset-inline-start: 8px; top: 50%; width: 6px; height: 6px;
  margin-top: -3px; border-radius: 50%; background: var(--bg);
}
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline .entry {
  position: relative; padding-inline-start: 22px; padding-bottom: 1.4em; margin: 0;
  border-inline-start: 2px solid var(--rule);
}
.timeline .entry:last-child { border-inline-start-color: transparent; }
.timeline .entry::before {
  content: ""; position: absolute; inset-inline-start: -7px; top: .35em; width: 12px; height: 12px;
  box-sizing: border-box; border-radius: 50%; background: var(--bg); border: 2px solid var(--accent);
}
.timeline .entry-time {
  font: 600 14px/1.4 var(--ui); color: var(--accent); margin: 0 0 .3em; font-variant-numeric: tabular-nums;
}
.article-body .timeline .entry-title { font-size: 1.15em; margin: 0 0 .4em; }
.timeline .entry-body > :last-child { margin-bottom: 0; }
`;
