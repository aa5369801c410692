/**
 * Page furniture the article text must not keep: comment-section headings and calls, "Also in
 * <Section>" headline lists, and the page's own reading time (the reader shows its own).
 * Languages: comments en, fr, de, es, it; "Also in" en; reading time en, de, fr, it, es, nl.
 */
/**
 * Comment-section headings and calls the big COMMENTS_HEADING list lacks: "Réactions (12)",
 * "Connectez-vous pour réagir", "Log in to comment".
 */
export const COMMENTS_MORE = new RegExp(
  [
    '^(?:réactions?|reaktionen|reacciones|reazioni)\\s*\\(\\d+\\)$',
    '^(?:connectez-vous|identifiez-vous|abonnez-vous) pour (?:réagir|commenter)\\b',
    '^(?:log|sign) in to (?:comment|reply|join the discussion)\\b',
    '^(?:melden sie sich an|loggen sie sich ein),? um (?:zu )?kommentieren\\b',
  ].join('|'),
  'i',
);
/**
 * The comment form's own notices, printed under the story: "Comments are filtered for language and
 * registration is required", "You must be logged in to post a comment", "Display comments: newest
 * first", "Adjust slider to filter visible comments by rank". English.
 */
export const COMMENT_FORM = new RegExp(
  [
    '^comments are (?:filtered|moderated|closed|reviewed)\\b',
    '^(?:you must be |please )?(?:log(?:ged)? in|sign(?:ed)? in|register(?:ed)?|login)' +
      ' (?:to|before you) (?:post|leave|add|write)? ?(?:a )?(?:comments?|reply)\\b',
    '^to (?:post|leave|add) a comment\\b',
    '^display comments\\b',
    '\\bfilter visible comments\\b',
    '^need to register for (?:a new|an) account\\b',
  ].join('|'),
  'i',
);
/** "Also in Business", "More in World", "Also on Sport": a section's headline list. */
export const ALSO_IN = /^(?:[Aa]lso|[Mm]ore|ALSO|MORE) (?:in|on|from|IN|ON|FROM) (?:the )?\p{Lu}[\p{L}&' -]{1,30}:?$/u;
/** "4 Min. Lesezeit", "5 min read", "Temps de lecture : 3 min": the reader shows its own reading time. */
const MINUTES = '\\d+\\s*(?:min\\.?|mins|minuten?|minutes?)';
export const READING_TIME = new RegExp(
  `^(?:${MINUTES}\\s*(?:lesezeit|read|reading time|de lecture|di lettura|de lectura|leestijd)` +
    `|(?:lesezeit|reading time|temps de lecture|tiempo de lectura)\\s*:?\\s*${MINUTES})$`,
  'i',
);
/**
 * A notice that the page or a widget needs scripts or a plug-in, addressed to the reader: "This
 * slideshow requires JavaScript.", "This site requires that JavaScript be enabled…", "Please enable
 * JavaScript to view the comments", "JavaScript is disabled". English. One list for the cleaner's
 * two passes (page-chrome.ts before the walk, site-chrome.ts after it).
 */
export const SCRIPT_NOTICE = new RegExp(
  [
    '^(?:this|the) (?:slideshow|gallery|video|player|content|page|site|feature|map|form|widget)s?' +
      ' (?:requires?|needs?) (?:that )?(?:the )?(?:javascript|flash|cookies|a browser)\\b',
    '^(?:please )?(?:enable|turn on|activate) (?:your )?javascript\\b',
    '^(?:you (?:must|need to|have to)|please) (?:have |enable |turn on )(?:javascript|flash)\\b',
    '^you (?:need|must|have) (?:to )?(?:enable|turn on|have) javascript\\b',
    '^(?:javascript|flash) (?:is |must be )?(?:required|disabled|enabled)\\b',
  ].join('|'),
  'i',
);
/** A cookie-consent bar's id or class. */
export const CONSENT_NAME =
  /(?:^|[\s_-])(?:consent|gdpr|cookie-?(?:law|notice|banner|bar|consent|policy|info|message|popup)s?)(?:[\s_-]|$)/i;
/** A cookie-consent bar's sentence ("This website uses cookies…"); English. */
export const COOKIE_NOTICE =
  /^(?:this (?:web)?site|we) uses? cookies\b|^by (?:continuing to )?(?:using|browsing) this site,? you agree\b/i;
/**
 * The site speaking about itself under the story: "You must Login or Register to post.",
 * "Permalink | Tags: …". English.
 */
export const SITE_LINE = new RegExp(
  [
    '^you must (?:be )?(?:log(?:ged)? ?in|sign(?:ed)? ?in|register(?:ed)?)' +
      '(?: or (?:register|sign up|log ?in))? to (?:post|comment|reply)\\b',
    '^permalink\\b',
  ].join('|'),
  'i',
);
/**
 * The story's tool bar: "Text Size", "Print Story | Email to a Friend", "STORY TOOLS", "del.icio.us
 * Digg it Reddit Newsvine". Every word of the line is one of TOOL_WORDS, and one at least names a tool
 * (TOOL_NAMES). English.
 */
export const TOOL_WORDS: ReadonlySet<string> = new Set(
  (
    'text size font larger smaller increase decrease print printer printable friendly version email e mail ' +
    'to a friend this story article page tools share save bookmark digg it del icio us reddit newsvine ' +
    'technorati tailrank stumbleupon slashdot furl rss reprints reprint comment comments and or'
  ).split(' '),
);
export const TOOL_NAMES =
  /\b(?:size|print|printer|e-?mail|tools|digg|del\.icio\.us|newsvine|technorati|stumbleupon|reprints?)\b/i;
/** Headings of the site's own boxes printed inside the story's container (older English-language news sites). */
export const SITE_BOX_HEADING = new RegExp(
  "^(?:sponsored links?|also in the news|in the news|(?:more|latest|other|today['’]?s) (?:news|stories|headlines)|" +
    '(?:\\p{L}+ )?headlines|more news headlines|related (?:pages|links|sites)|popular (?:news )?stories|' +
    'most (?:viewed|e-?mailed|commented)(?: stories)?)$',
  'iu',
);
