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
