/** "Save" — the library (issue #7) stores the article through its 'library:save' message. */
import type { ExtractResult } from '../core/types.js';
import { formatDateline } from '../core/dateline/format.js';
import type { ActionOutcome } from '../overlay/types.js';
import { sendToBackground } from '../shell/messages.js';
import type { ActionProvider } from './action-types.js';

/** Once saved, the button says "Saved ✓" and opens the library. */
export const saveAction: ActionProvider = ({ article }) => [
  {
    id: 'save',
    label: 'Save',
    title: 'Save to your library (S)',
    run: async (): Promise<ActionOutcome> => ({
      message: await saveArticle(article),
      done: {
        label: 'Saved ✓',
        title: 'Saved — open your library',
        run: () => sendToBackground('library:open', {}),
      },
    }),
  },
];

/**
 * One short sentence: where it went, and whether any picture stays online only. (The library's own
 * note on why pictures were kept as links is for the library page, not for this toast.)
 */
export async function saveArticle(article: ExtractResult): Promise<string> {
  // The reader's open leaves the dateline's line of text unformatted (no Intl before its first paint,
  // issue #24); the library shows it, so it is written now.
  if (!article.dateline.text)
    article.dateline.text = formatDateline(article.dateline, { locale: globalThis.navigator?.language });
  const r = await sendToBackground('library:save', { article });
  const n = r.imagesSkipped;
  const where = r.updated ? 'Updated in your library' : 'Saved to your library';
  return n ? `${where}; ${n === 1 ? '1 picture shows' : `${n} pictures show`} only when online.` : `${where}.`;
}
