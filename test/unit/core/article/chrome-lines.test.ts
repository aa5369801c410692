/**
 * The page's chrome left as lines of the article (src/core/article/chrome-lines.ts): a picture's or
 * gallery's controls ("hide caption", "1 of 7", "Buy Photo", "Image copyright") and the site's lines
 * around the story ("Read or Share this story: <url>", "Email the author", "Follow … on Twitter").
 * Each is checked both ways: the chrome goes, and the caption, the credit and the story's own
 * sentences that hold the same words stay.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://www.harbourwire.example/world/2024/05/01/harbour-story-123456';
const PARA = (n: number): string =>
  `<p>${'The harbour reopened on Tuesday after a week of repairs to the sea wall, officials said. '.repeat(3)}(${n})</p>`;

/** A minimal article page: three paragraphs, the block under test after the first (or at the end). */
function run(block: string, atEnd = false): ReturnType<typeof extract> {
  const article = atEnd ? `${PARA(1)}${PARA(2)}${PARA(3)}${block}` : `${PARA(1)}${block}${PARA(2)}${PARA(3)}`;
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens</title></head>` +
      `<body><article>${article}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url, now: '2024-06-01T00:00:00Z' });
}
/** All the text the reader shows of the article, captions included, one line a block. */
function shown(block: string, atEnd = false): string {
  const holder = new JSDOM('').window.document.createElement('div');
  holder.innerHTML = run(block, atEnd).content.replace(/<\/(?:p|div|figcaption|li|span|b)>/g, '$&\n');
  return (holder.textContent ?? '').replace(/[ \t]+/g, ' ');
}

const IMG = '<img src="https://www.harbourwire.example/img/harbour.jpg" alt="">';

describe('a picture’s or gallery’s controls', () => {
  it('go: "hide caption" and "toggle caption" around a caption; the caption and its credit stay', () => {
    const t = shown(
      `<figure>${IMG}<figcaption><p>Workers repair the sea wall on Monday. <span>Jane Roe/AP</span></p>` +
        '<b class="hide-caption"><b>hide caption</b></b></figcaption></figure><div><b>toggle caption</b></div>',
    );
    expect(t).toContain('Workers repair the sea wall on Monday.');
    expect(t).toContain('Jane Roe/AP');
    expect(t).not.toMatch(/hide caption|toggle caption/);
  });
  it('go: a gallery counter, "Buy Photo", "Image copyright" and a button\'s "CLOSE" beside its icon', () => {
    const t = shown(
      `<figure>${IMG}<figcaption>The harbour at dawn, the day the sea wall was finished.</figcaption></figure>` +
        '<p><a href="/buy"><span>Buy Photo</span></a></p><div>2 of 3</div>' +
        '<div><span>Image copyright</span> <span>Reuters</span></div>' +
        '<div><div>CLOSE<img src="https://www.harbourwire.example/icons/close.png" alt=""></div></div>',
    );
    expect(t).toContain('The harbour at dawn, the day the sea wall was finished.');
    expect(t).toContain('Reuters');
    expect(t).not.toMatch(/Buy Photo|\b2 of 3\b|Image copyright|CLOSE/);
  });
  it('goes: a gallery counter written in three elements ("<span>1</span> of <span>7</span>")', () => {
    const t = shown(
      `<figure>${IMG}<figcaption>The harbour at dawn.</figcaption></figure><p><span>1</span> of <span>7</span></p>`,
    );
    expect(t).toContain('The harbour at dawn.');
    expect(t).not.toMatch(/\b1\s+of\s+7\b/);
  });
  it('go: a video player\'s controls ("Autoplay", "Show Thumbnails", "Next Video", "play") and "Click to View Full Infographic"', () => {
    const t = shown(
      '<div><p><span>The harbour wall, a week on</span> <span>1:44</span></p></div>' +
        '<div><a href="#">Last Video</a><a href="#">Next Video</a></div>' +
        '<div><span>Autoplay</span></div><div><span>Show Thumbnails</span></div><div><span>Show Captions</span></div>' +
        '<p><a href="#">play</a></p><p><a href="/graphic.png">Click to View Full Infographic</a></p>',
    );
    expect(t).toContain('The harbour wall, a week on');
    expect(t).not.toMatch(/Last Video|Next Video|Autoplay|Thumbnails|Show Captions|\bplay\b|Infographic/);
  });
  it('kept: a sentence of the story that holds the same words', () => {
    const t = shown('<p>Only 1 of 3 berths was open, and the port asked readers to buy photo prints for charity.</p>');
    expect(t).toContain('Only 1 of 3 berths was open');
  });
});

describe('the site’s lines around the story', () => {
  it('go: "Read or Share this story", "Email the author", "Follow … on Twitter", an address alone', () => {
    const t = run(
      '<p>Read or Share this story: <a href="http://on.example/2paLMNH">http://on.example/2paLMNH</a></p>' +
        '<p><a href="mailto:a@example.com">Email the author.</a></p>' +
        '<p>Follow Stephen Clark on Twitter: <a href="https://twitter.com/x">@StephenClark1</a>.</p>' +
        '<p><a href="mailto:lisa.roe@harbourwire.example">lisa.roe@harbourwire.example</a></p>',
      true,
    ).textContent;
    expect(t).toContain('officials said. (3)');
    expect(t).not.toMatch(/Read or Share|Email the author|Follow Stephen Clark|lisa\.roe@/);
  });
  it('go: "See Next Story in …", "(Story continues below)", "Print Sponsor"', () => {
    const t = run('<p>(Story continues below)</p><p>See Next Story in Politics</p><p>Print Sponsor</p>').textContent;
    expect(t).not.toMatch(/continues below|See Next Story|Print Sponsor/);
  });
  it("goes: the reporter's contact line (contact, reach or e-mail, then an address, a number or a handle)", () => {
    const t = run(
      '<p>Contact Dean at 321-242-3668 or <a href="mailto:jdean@harbourwire.example">jdean@harbourwire.example</a>. ' +
        'Follow him on Twitter at @hw_jdean.</p>' +
        '<p>Reach the reporters on Twitter at http://twitter.com/JaneRoeHW and http://twitter.com/jdoe</p>' +
        '<p>Email Lisa Roe at lroe@harbourwire.example or follow her @lisaroe.</p>',
      true,
    ).textContent;
    expect(t).toContain('officials said. (3)');
    expect(t).not.toMatch(/Contact Dean|Reach the reporters|Email Lisa Roe/);
  });
  it('kept: the story’s sentences that speak of following, e-mail or whom to contact (with no address)', () => {
    const t = run(
      '<p>Readers can follow the repairs on Twitter and email the harbour master with questions, he said.</p>' +
        '<p>Contact Harbour Wire at its office on the quay if your boat was damaged, the mayor said.</p>',
      true,
    ).textContent;
    expect(t).toContain('follow the repairs on Twitter and email the harbour master');
    expect(t).toContain('Contact Harbour Wire at its office on the quay');
  });
});

describe('the site’s lines around the story, with their icons, and the story’s tags', () => {
  it('go: "See Next Story in …" beside its arrow, and a "Tagged:" line of tag links', () => {
    const t = shown(
      '<div><ul><li><a href="#">See Next Story in Entertainment</a>' +
        '<img src="https://www.harbourwire.example/i/arrow.gif" alt=""></li></ul></div>' +
        '<p>Tagged: <a href="/tag/ferries/">Ferries</a> <a href="/tag/tides/">Tides</a></p>' +
        '<p>Tagged with: <a href="/tag/ports/">ports</a>, <a href="/tag/shipping/">shipping</a></p>',
      true,
    );
    expect(t).toContain('(3)');
    expect(t).not.toMatch(/See Next Story|Tagged|Ferries|Tides|shipping/);
  });
  it('kept: a line of the story that opens with the same word', () => {
    const t = shown('<p>Topics: the <a href="/budget">budget</a>, the sea wall and the ferry timetable.</p>', true);
    expect(t).toContain('Topics: the budget, the sea wall and the ferry timetable.');
  });
});

describe('links to elsewhere on the site printed as lines of their own', () => {
  it('go: "Back to Top", "Back to <site>", "More news...", "More News Headlines", "Next page >"', () => {
    const t = shown(
      '<p><a href="#top">Back to Top</a></p>' +
        '<p><i><a href="https://www.harbourwire.example/">Back to Harbour Wire</a></i></p>' +
        '<p><a href="https://www.harbourwire.example/news/">More news...</a></p>' +
        '<div><ul><li><a href="#section-1"><span>More News Headlines</span></a></li>' +
        '<li><a href="#section-2"><span>Popular News Stories</span></a></li></ul></div>' +
        '<p><br><a href="https://www.harbourwire.example/story-p2.html"><b>Next page &gt;</b></a></p>',
      true,
    );
    expect(t).toContain('officials said. (3)');
    expect(t).not.toMatch(/Back to|More news|More News Headlines|Popular News|Next page/);
  });
  it('kept: a subheading or a sentence with the same words, and a link inside a sentence', () => {
    const t = shown(
      '<h3>Back to school</h3><p>More news stories about the harbour will follow, the council said.</p>' +
        '<p>Read <a href="/next">the next page</a> of the report for more news.</p>',
      true,
    );
    expect(t).toContain('Back to school');
    expect(t).toContain('More news stories about the harbour will follow');
    expect(t).toContain('the next page');
  });
});
