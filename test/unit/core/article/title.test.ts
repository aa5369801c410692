/** The headline the reader shows: read from the page's JSON-LD, with the HTML entities CMSs leave in it decoded. */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/business/2024/05/01/markets-123456';
const PARA = `<p>${'Shares fell on Tuesday after the bank said profits would be lower than expected, traders said. '.repeat(3)}</p>`;

function titleOf(headline: string): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline });
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Markets</title><script type="application/ld+json">${ld}</script></head>` +
      `<body><article><h1>Markets</h1>${PARA}${PARA}${PARA}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url }).title;
}

describe('JSON-LD headline entities', () => {
  it('decodes hexadecimal character references', () =>
    expect(titleOf('Here&#x2019;s What Wiped $80 Billion Off Wall Street&#x2019;s Rally')).toBe(
      'Here’s What Wiped $80 Billion Off Wall Street’s Rally',
    ));
  it('decodes decimal and named references', () =>
    expect(titleOf('Banks &amp; Brokers: Q&#38;A on the &quot;Rally&quot;')).toBe(
      'Banks & Brokers: Q&A on the "Rally"',
    ));
  it('leaves an unknown or out-of-range reference as written', () =>
    expect(titleOf('Shares &#x110000; fall &bogus; again today')).toBe('Shares &#x110000; fall &bogus; again today'));
});

describe('a <title> with section and site pieces the site name does not cover', () => {
  function titleFrom(title: string, heading: string): string {
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head>` +
        `<body><div class="logo">Business Daily</div><article><h1>${heading}</h1>${PARA}${PARA}${PARA}</article></body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    return extract(doc, { url }).title;
  }
  it('is the headline the page prints', () =>
    expect(
      titleFrom(
        'Banks Suffer More Setbacks - News Story | Money, Markets, Business News',
        'Banks Suffer More Setbacks',
      ),
    ).toBe('Banks Suffer More Setbacks'));
  it('is the printed headline when it runs on past the title’s first piece', () =>
    expect(
      titleFrom(
        'Banks Ask For Early Relief - News Story | Money, Business News',
        'Banks Ask For Early Relief, Say Their Capital Is In Jeopardy',
      ),
    ).toBe('Banks Ask For Early Relief, Say Their Capital Is In Jeopardy'));
  it('kept: a title with no pieces, and one whose first piece no heading opens with', () => {
    expect(titleFrom('Banks Suffer More Setbacks', 'Markets')).toBe('Banks Suffer More Setbacks');
    expect(titleFrom('Banks Suffer More Setbacks - Business Daily Wire', 'Markets today')).toBe(
      'Banks Suffer More Setbacks - Business Daily Wire',
    );
  });
});

describe('a title too long to be a headline', () => {
  // A broken page (an unclosed quote in <meta name="title">) holds its whole analytics script in the
  // title attribute: the reader showed 3,000 characters of JavaScript as the headline.
  it('is passed over for the next source of the title', () => {
    const script = "this.sectionLevel2 = 'sports'; this.pageType = ''; ".repeat(60);
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><meta name="title" content="Welcome ${script}">` +
        `<title>Judge sets example in handing out four-year sentence</title></head><body><article>${PARA}${PARA}${PARA}</article></body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    expect(extract(doc, { url }).title).toBe('Judge sets example in handing out four-year sentence');
  });
});

describe('the headline the page prints, not the document title’s site and section pieces', () => {
  function titleFrom(title: string, body: string): string {
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    return extract(doc, { url }).title;
  }
  const story = `${PARA}${PARA}${PARA}`;
  it('is the printed heading that is a middle run of the title’s pieces', () => {
    expect(
      titleFrom(
        'FOXNews.com - Banks Suffer More Setbacks - Politics | Republican Party',
        `<h1>Politics</h1><div><h1>Banks Suffer More Setbacks</h1>${story}</div>`,
      ),
    ).toBe('Banks Suffer More Setbacks');
    expect(
      titleFrom(
        'Banks Suffer More Setbacks -- Page 1 -- Times Union - Albany NY',
        `<div><span class="story_title">Banks Suffer More Setbacks</span>${story}</div>`,
      ),
    ).toBe('Banks Suffer More Setbacks');
  });
  it('is the printed heading that is the title’s last piece', () =>
    expect(
      titleFrom(
        'BIG NEWS | Asia-Pacific | Banks renew autonomy call',
        `<h3>Related sites</h3><div><h1>Banks renew autonomy call</h1>${story}</div>`,
      ),
    ).toBe('Banks renew autonomy call'));
  it('is the heading above the article when the title only names the site or a section', () => {
    const body = `<h3>Popular links today</h3><table><tr><td><h3>Jackets double up Oilers again</h3>${story}</td></tr></table>`;
    expect(titleFrom('SPORTS PLUS', body)).toBe('Jackets double up Oilers again');
    expect(titleFrom('Connecticut News and Weather', body)).toBe('Jackets double up Oilers again');
    expect(titleFrom('', body)).toBe('Jackets double up Oilers again');
  });
  it('is the classed heading above the article when a heading element follows the story (document order)', () => {
    // The page's headings are read in document order, as a browser lists them: a heading printed after
    // the story does not hide the classed headline printed above it.
    const body = `<div class="story_title">Jackets double up Oilers again</div><div>${story}</div><h3>More from the sports desk today</h3>`;
    expect(titleFrom('SPORTS PLUS', body)).toBe('Jackets double up Oilers again');
  });
  it('kept: a headline printed nowhere as a heading, and a site-like title the page prints', () => {
    const body = `<h2>Other stories of the day</h2><div>${story}</div>`;
    expect(titleFrom('Banks Suffer More Setbacks After a Profit Warning', body)).toBe(
      'Banks Suffer More Setbacks After a Profit Warning',
    );
    expect(titleFrom('Morning News', `<h1>Morning News</h1><h2>Other stories of the day</h2>${story}`)).toBe(
      'Morning News',
    );
  });
  it('decodes entities left in the document title', () =>
    expect(titleFrom('Inside the world&amp;rsquo;s largest camp', `<div>${story}</div>`)).toBe(
      'Inside the world’s largest camp',
    ));
});

describe('a headline written for search or social cards that the page does not print', () => {
  it('gives way to the h1 above the article', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Sweden still hopes to be paid for its Volvos' });
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title>Volvos</title><script type="application/ld+json">${ld}</script></head>` +
        `<body><h2>Search form</h2><h1>North Korea Still Has to Pay For 1,000 Volvo Cars</h1><div>${PARA}${PARA}${PARA}</div></body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    expect(extract(doc, { url }).title).toBe('North Korea Still Has to Pay For 1,000 Volvo Cars');
  });
  it('kept when the only h1 above the article is the site’s logo, a link home', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Seattle quarterback beats the media blitz' });
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title>QB</title><script type="application/ld+json">${ld}</script></head>` +
        `<body><h1><a href="/">The Columbus Dispatch</a></h1><div>${PARA}${PARA}${PARA}</div></body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    expect(extract(doc, { url }).title).toBe('Seattle quarterback beats the media blitz');
  });
});

describe('the headline printed in a headline-classed block inside the article', () => {
  it('is the title, shown once: not again as the body’s first line', () => {
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title></title></head><body><table><tr><td>` +
        `<div class="article_body"><div class="article_headline"><b>Slammer for Rammer</b></div>${PARA}${PARA}${PARA}</div>` +
        `</td></tr></table></body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    const r = extract(doc, { url });
    expect(r.title).toBe('Slammer for Rammer');
    expect(r.textContent).not.toContain('Slammer for Rammer');
  });
});

describe('table-era pages whose <title> names only the site or a section (issue #20)', () => {
  const site = 'https://www.dailyherald.example/story.php?id=125190';
  const story =
    `<p>London (dpa) - ${'The midfielder will appear in court on Friday after being charged with common assault. '.repeat(3)}</p>` +
    `<p>${'He was one of three people arrested early on Thursday after an incident near the city centre. '.repeat(3)}</p>` +
    `<p>${'The 25-year-old joined the club from a rival in the summer and has played eleven games since. '.repeat(3)}</p>`;
  function read(title: string, body: string): { title: string; text: string } {
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`,
      {
        url: site,
        virtualConsole: new VirtualConsole(),
      },
    ).window.document;
    const r = extract(doc, { url: site });
    return { title: r.title, text: r.textContent };
  }
  const others = `<div class="box"><a href="/a">Henin regains focus to close out match</a><br><a href="/b">Nadal would not mind a later Open</a><br><a href="/c">Liverpool see off Luton challenge</a></div>`;

  it('is the line printed in bold right before the story, shown once', () => {
    const r = read(
      'Daily Herald : SPORTS PLUS',
      `<table><tr><td><div class="barback">SPORTS PLUS</div><p><b>Newcastle midfielder charged with assault in incident</b></p>${others}${story}</td></tr></table>`,
    );
    expect(r.title).toBe('Newcastle midfielder charged with assault in incident');
    expect(r.text).not.toContain('Newcastle midfielder charged');
  });
  it('is the bold line above a date line, when the title is a list of topics', () => {
    const head =
      '<table><tr><td nowrap><b><span class="headerText"><b>Dowling set for absence</span></b><br>' +
      '<span class="dateText">2007-12-30 14:49:00.0</span></td></tr></table>';
    expect(
      read('Rugby Union news, results, reports, 6 Nations, British Lions', `${head}<div>${story}</div>`).title,
    ).toBe('Dowling set for absence');
  });
  it('is not a bold byline, date or sentence above the story', () => {
    for (const line of [
      'By Teresa von Fuchs',
      'WirelessWeek - January 14, 2008',
      'The midfielder was charged on Friday.',
    ])
      expect(read('SPORTS PLUS', `<p><b>${line}</b></p>${story}`).title).toBe('SPORTS PLUS');
  });
  it('is the heading the article opens with (Readability took it in as its first line)', () => {
    const r = read(
      'Hockeychannel.com | A Netsports Site',
      `<div><h3> Nash a smash as Jackets double up Oilers at Nationwide Arena </h3>${story}</div>`,
    );
    expect(r.title).toBe('Nash a smash as Jackets double up Oilers at Nationwide Arena');
    const cell = read(
      '',
      `<table><tr><td class="title">'Three Queens' sail together, two headed to the Caribbean</td></tr>` +
        `<tr><td>${story}</td></tr></table>`,
    );
    expect(cell.title).toBe("'Three Queens' sail together, two headed to the Caribbean");
    expect(cell.text).not.toContain('Three Queens');
  });
  it('is the rest of the document title when it runs on past the site’s name', () =>
    expect(
      read(
        'WTNH.com, Connecticut News and Weather - Police cruiser stolen at train station fire',
        `<div>${story}</div>`,
      ).title,
    ).toBe('Police cruiser stolen at train station fire'));
  it('is the headline-classed heading, not the byline and date lines under it in the same class', () =>
    expect(
      read(
        '',
        '<span class="headline">Startup Reveals First Android Apps</span><br><span class="headline">By Teresa von Fuchs</span><br>' +
          `<span class="headline">WirelessWeek - January 14, 2008</span><div>${story}</div>`,
      ).title,
    ).toBe('Startup Reveals First Android Apps'));
  it('leaves a date printed after the headline out of the title', () => {
    const headline = 'Laura Linney Thankful She Is Not Lindsay Lohan | January 15, 2008';
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline });
    const head = `<title>${headline}</title><script type="application/ld+json">${ld}</script>`;
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head>${head}</head><body><div>${story}</div></body></html>`,
      {
        url: site,
        virtualConsole: new VirtualConsole(),
      },
    ).window.document;
    expect(extract(doc, { url: site }).title).toBe('Laura Linney Thankful She Is Not Lindsay Lohan');
  });
  it('is an h1 of two words above the story when the page has no title at all', () => {
    const aside = '<h2>Anne Perkins</h2><h3>Other stories</h3>';
    expect(
      read(
        '',
        `<div><h1>Battery power</h1><p class="standfirst">Free-range is admirable</p></div>${aside}<div>${story}</div>`,
      ).title,
    ).toBe('Battery power');
    expect(
      read('Free range chickens and the price of organic food', `<div><h1>Battery power</h1></div><div>${story}</div>`)
        .title,
    ).toBe('Free range chickens and the price of organic food');
  });
  it('is the heading above the story, not a side column printing the section’s name inside a longer heading', () =>
    expect(
      read(
        'News | Africa - Daily Herald',
        `<div><h4>Sarkozy defends himself against rights critics</h4>${story}</div>` +
          '<h3>Also Today on Daily Herald Africa</h3><div class="title">World News Africa: blast kills one</div>',
      ).title,
    ).toBe('Sarkozy defends himself against rights critics'));
});
