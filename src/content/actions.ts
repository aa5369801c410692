/**
 * The overlay's extra buttons, contributed by features: a provider gets the article and returns its
 * buttons (synchronously: opening must not wait on them). To add a feature's buttons, add its
 * provider to ACTION_PROVIDERS — one import, one list entry.
 */
import type { ExtractResult } from '../core/types.js';
import type { ActionOutcome, ReaderAction } from '../overlay/types.js';
import { sendToBackground } from '../shell/messages.js';
import { autoCleanActions } from './autoclean-actions.js';

export interface ActionContext {
  article: ExtractResult;
  /** The page URL. */
  url: string;
}
export type ActionProvider = (ctx: ActionContext) => ReaderAction[];

/**
 * "Save" — the library (issue #7) stores it through its 'library:save' message. Once saved, the
 * button says "Saved ✓" and opens the library.
 */
export const saveAction: ActionProvider = ({ article }) => [{
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
}];

/**
 * One short sentence: where it went, and whether any picture stays online only. (The library's own
 * note on why pictures were kept as links is for the library page, not for this toast.)
 */
export async function saveArticle(article: ExtractResult): Promise<string> {
  const r = await sendToBackground('library:save', { article });
  const n = r.imagesSkipped;
  const where = r.updated ? 'Updated in your library' : 'Saved to your library';
  return n ? `${where}; ${n === 1 ? '1 picture shows' : `${n} pictures show`} only when online.` : `${where}.`;
}

export const ACTION_PROVIDERS: ActionProvider[] = [
  saveAction,
  autoCleanActions, // auto-clean (issue #6): "Always clean <site>" / "Never on <site>"
];

export function actionsFor(ctx: ActionContext): ReaderAction[] {
  return ACTION_PROVIDERS.flatMap((provide) => {
    try {
      return provide(ctx);
    } catch {
      return []; // a feature's bug must not keep the reader from opening
    }
  });
}
