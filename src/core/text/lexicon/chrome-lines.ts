/**
 * Lines of the page's own chrome that ride inside the story's markup (issue #20). English.
 * - GALLERY_CHROME: the controls and labels of a picture, gallery or video player, printed as a
 *   line or a label of their own ("1 of 7", "Buy Photo", "hide caption", "toggle caption",
 *   "Enlarge this image", "Image copyright", "CLOSE", "Embed", "View gallery"; a video player's
 *   "Autoplay", "Show Thumbnails", "Show Captions", "Next Video", "play"; "Click to View Full
 *   Infographic"). The caption and the credit around them are the picture's text; these words are buttons.
 * - SITE_TRAILER: the site's lines around the story ("Read or Share this story: <url>", "Email the
 *   author", "Follow Stephen Clark on Twitter: @…", "Follow @PageSix", "See Next Story in Politics",
 *   "(Story continues below)", "Print Sponsor", "Click for more from Politico.", "Report
 *   Typo/Error", "Send news tip to …", "E-mail comments to …", a line that is only an address; the
 *   reporter's contact line: "Contact Dean at 321-242-3668 or jdean@… . Follow him …", "Reach the
 *   reporters on Twitter at http://twitter.com/…", "Email Tariq Malik at tmalik@… or follow him @…":
 *   contact, reach or e-mail, a name or "the reporter(s)", then "at" and an address, number or handle).
 * - NAV_LINK: a link that sends the reader elsewhere on the site, printed as a line of its own after
 *   the story ("Back to Top", "Back to Enterprise Storage Forum", "More news...", "More News
 *   Headlines", "Popular News Stories", "Next page >"); chrome-lines.ts takes it only when the line is
 *   the link (a subheading "Back to school" is no link).
 * All match a whole line (collapsed white space), never a part of a sentence.
 */
export const GALLERY_CHROME = new RegExp(
  '^(?:' +
    [
      '(?:image|photo|picture|slide) \\d+ of \\d+',
      '\\d+ of \\d+',
      '(?:buy|purchase) (?:this )?(?:photo|image|picture)',
      '(?:hide|show|toggle) captions?',
      '(?:hide|show) thumbnails',
      'autoplay',
      'play',
      '(?:last|previous|prev) video(?: ?next video)?',
      'next video',
      'click (?:here )?to (?:view|see) (?:the )?full(?:[- ]size)? (?:infographic|graphic|image|photo|picture)',
      '(?:enlarge|expand|zoom) (?:this )?(?:image|photo|picture)',
      'click (?:here )?to (?:enlarge|expand|zoom)',
      'image (?:copyright|caption)',
      'close',
      'embed',
      'close embed',
      '(?:view|launch|open|see) (?:the )?(?:photo |image )?(?:gallery|slideshow|slide show)',
      'photo gallery',
      '(?:previous|next|prev|first|last) (?:photo|image|slide|picture)',
      'share (?:this )?(?:image|photo|picture)',
    ].join('|') +
    ')$',
  'i',
);
export const SITE_TRAILER = new RegExp(
  '^(?:' +
    [
      'read or share this story:? ?\\S*',
      'e-?mail the (?:author|writer|reporter)\\.?',
      "follow (?:us|him|her|them|@\\w+|(?:\\p{Lu}[\\p{L}.’'-]*\\s){1,3}?(?:\\p{Lu}[\\p{L}.’'-]*))" +
        ' on (?:twitter|facebook|instagram)(?::? ?@\\w+)?\\.?',
      '(?:follow|twitter:) ?@\\w+\\.?',
      'see next story in [\\p{L} &]{1,40}',
      '\\((?:story|article) continues below\\)',
      'print sponsor',
      "click for more from [\\p{L}.&' ]{1,40}\\.?",
      'report (?:a )?typo(?: ?/ ?error)?',
      'next story',
      'send (?:a )?news tip to \\S{1,60}',
      'e-?mail comments to \\S+@\\S+',
      '(?:e-?mail: ?)?[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\.?',
      '(?:contact|reach|e-?mail) (?:the (?:reporters?|writers?|authors?)|' +
        "(?:\\p{Lu}[\\p{L}.’'-]*\\s){0,2}\\p{Lu}[\\p{L}.’'-]*) (?:on twitter )?at " +
        '(?:[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]\\d{4}|https?://\\S+|@\\w+).{0,160}',
    ].join('|') +
    ')$',
  'iu',
);
export const NAV_LINK = new RegExp(
  '^(?:' +
    [
      "back to [\\p{L}\\d&'’ .-]{2,40}",
      "(?:more|popular|latest) (?:[\\p{L}'’]+ ){0,2}(?:news|stories|articles|headlines)",
      '(?:next|previous|prev) page',
    ].join('|') +
    ')(?: ?(?:\\.{3}|…|[>»›→:]))?$',
  'iu',
);
/**
 * The label of a line of the story's tags or topics ("Tagged: Ceres Dawn NASA", "Tagged with: htc vive,
 * oculus rift", "Tags: …", "Filed under: …"): the rest of the line is links to the site's tag pages.
 */
export const TAG_LABEL = /^(?:tags?|tagged(?: with| as| in| under)?|topics|keywords|filed (?:under|in))\s?:/i;
/**
 * A quick test for a text node that may open such a line (most text nodes fail it at once); " of "
 * alone is the middle of a counter written in three elements ("<span>1</span> of <span>7</span>").
 */
export const CHROME_CUE = new RegExp(
  '\\b(?:of \\d|buy|purchase|captions?|thumbnails|autoplay|play|video|enlarge|expand|zoom|image|close|embed|gallery' +
    '|slide|previous|next|prev|share|contact|reach' +
    '|read or share|e-?mail|follow|continues|sponsor|click|typo|tip|tags?|tagged|topics|keywords|filed' +
    "|back to|(?:more|popular|latest) (?:[\\w'’]+ ){0,2}(?:news|stories|articles|headlines))\\b|@" +
    '|^\\s*of\\s*$',
  'i',
);
