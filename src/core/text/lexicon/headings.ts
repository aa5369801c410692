/**
 * The words news sites use around related headlines: block headings that announce other stories,
 * headings that announce paid ones or hold no headlines, kicker labels that are not part of a
 * headline, and link texts that are not headlines at all. Languages: en, de, fr, es, it, pt, ja, zh,
 * ko, ar, he, tr, ru. Data only; the collector and the cleaner decide what to do. "Read also"
 * lead-ins are read-also.ts, paid-card labels sponsored.ts.
 */

/** A block heading announcing other stories of the publication ("Latest News", "Mehr zum Thema", "関連記事"). */
export const RELATED_HEADING = new RegExp(
  [
  'latest', 'top (stories|news|headlines)', 'related', 'more (from|on|about|in|stories|news|headlines)', 'most (read|popular|viewed|shared|recent|watched)',
  'popular', 'trending', 'you (may|might) (also )?(like|be interested)', 'recommended for you', 'read (also|more|next)', 'also read', 'see also',
    "editor'?s'? picks", "don'?t miss", 'further reading', 'in other news', 'headlines', 'what to read next', 'breaking',
  'mehr zum thema', 'lesen sie (auch|mehr)', 'auch interessant', 'meistgelesen', 'neueste', 'aktuell', 'top-?themen', 'mehr aus', 'weitere (artikel|nachrichten)',
  'das könnte sie auch interessieren', 'schlagzeilen', 'empfehlungen der redaktion',
  'à lire aussi', 'lire aussi', 'sur le même sujet', 'les plus lus', 'à la une', 'dernières (infos|actualités|nouvelles)', 'nos recommandations', 'à voir aussi', "l'essentiel",
  'ver también', 'lee también', 'te puede interesar', 'lo más (leído|visto)', 'últimas noticias', 'más noticias', 'relacionad', 'también te puede interesar', 'más información',
  'leggi anche', 'potrebbe interessarti', 'i più letti', 'ultime notizie', 'correlat', 'leia também', 'mais lidas', 'veja também', 'últimas',
  '関連', 'おすすめ', '新着', '最新', 'ランキング', 'よく読まれ', '注目', '相关', '推荐', '热门', '热点', '最多', '阅读', '閱讀', '관련', '많이 본',
  'اقرأ أيضا', 'اقرأ أيضاً', 'اقرأ ايضا', 'ذات صلة', 'الأكثر (قراءة|مشاهدة)', 'آخر الأخبار', 'المزيد من', 'شاهد أيضا', 'أخبار ذات صلة',
  'כתבות נוספות', 'קראו גם', 'הכי נקרא', 'מבזקים', 'חדשות אחרונות', 'עוד ב', 'ilgili haberler', 'son dakika', 'en çok okunan', 'diğer haberler',
  'читайте также', 'по теме', 'самое читаемое', 'последние новости',
  ].join('|'),
  'i',
);

/** A block heading announcing paid or off-site stories, or a block that holds no headlines (tags, sharing). */
export const NOT_RELATED_HEADING = new RegExp(
  '^(' + [
  'sponsored( (stories|content|links|news))?', 'sponsorisé', 'contenus? sponsorisés?', 'promoted( (stories|content|links))?', 'paid (content|post|partner content)',
  'partner(-| )?(content|inhalte|angebote|anzeigen)?', 'from (around )?the web', 'around the web', 'recommended by.*', 'advertisement', 'advertorial',
  'anzeigen?', 'werbung', 'publicidad', 'publicidade', 'conteúdo patrocinado', 'contenido patrocinado', 'patrocinado', 'pubblicità', 'contenuti (sponsorizzati|sponsor)', 'contenu (partenaire|de marque)',
  'publicité', '広告', 'pr', 'スポンサー.*', 'إعلان', 'محتوى (مدفوع|ممول|برعاية)', 'برعاية', 'ממומן', 'תוכן (ממומן|שיווקי)', 'реклама',
  'tags?', 'topics', 'themen', 'schlagwörter', 'mots-clés', 'etiquetas', 'temas', 'argomenti', 'follow us', 'share( this)?', 'teilen', 'partager', 'compartir',
  'newsletter', 'comments?', 'kommentare', 'commentaires', 'comentarios',
  ].join('|') + ')\\s*:?$',
  'i',
);

/**
 * Kicker labels that precede a headline but are not part of it: "LIVE", "Video:", "Plus-Artikel:",
 * "SPIEGEL+", "EN DIRECT", "動画". Stripped only when followed by a separator (or as a separate element).
 */
const KICKER_WORDS = [
  'live', 'live updates?', 'video', 'watch', 'listen', 'audio', 'podcast', 'breaking( news)?', 'exclusive', 'updated?', 'new',
  'plus-artikel', 'plus', 'spiegel\\+', 'spiegel plus', 'z\\+', 'f\\+', 'premium', 'exklusiv', 'eilmeldung', 'liveblog', 'live-ticker', 'ticker', 'bildergalerie', 'fotostrecke',
  'en direct', 'direct', 'vidéo', 'abonnés', 'réservé aux abonnés', 'en directo', 'directo', 'vídeo', 'en vídeo', 'exclusiva', 'solo para suscriptores', 'in diretta', 'diretta',
  '速報', '動画', 'ライブ', '独自', '有料記事', '会員記事', 'فيديو', 'مباشر', 'عاجل', 'شاهد', 'בלעדי', 'וידאו', 'צפו', 'прямой эфир', 'видео',
].join('|');
export const KICKER_LABEL = new RegExp(`^(${KICKER_WORDS})(\\s*[:|–—•·]\\s*|\\s+-\\s+)`, 'i');

/** The same labels as whole texts, for kicker elements inside a link. */
export const KICKER_WORD = new RegExp(`^(${KICKER_WORDS})$`, 'i');

/** Link texts that are calls to action, not headlines. */
export const GENERIC_LINK_TEXT = /^((previous|next|prev|older|newer|vorheriger?|nächster?|précédent|suivant|anterior|siguiente)(\s+\S+){0,3}|read (more|the full story|full article|on)|continue reading|more|see (all|more)|view all|show more|all news|weiterlesen|mehr( lesen)?|alle artikel|lire la suite|voir plus|leer más|ver más|continua a leggere|leggi tutto|leia mais|続きを読む|もっと見る|المزيد|اقرأ المزيد|קרא עוד|читать далее|devamını oku)\W*$/i;
