/**
 * The overlay's extra buttons, contributed by features: a provider gets the article and returns its
 * buttons (synchronously: opening must not wait on them). To add a feature's buttons, add its
 * provider to ACTION_PROVIDERS — one import, one list entry.
 */
import type { ExtractResult } from '../core/types.js';
import type { ReaderAction } from '../overlay/types.js';
import { sendToBackground } from '../shell/messages.js';
import { autoCleanActions } from './autoclean-actions.js';

export interface ActionContext {
  article: ExtractResult;
  /** The page URL. */
  url: string;
}
export type ActionProvider = (ctx: ActionContext) => ReaderAction[];

/** "Save" — the library (issue #7) stores it through its 'library:save' message. */
export const saveAction: ActionProvider = ({ article }) => [{
  id: 'save',
  label: 'Save',
  title: 'Save to your library (Alt+Shift+S)',
  run: () => saveArticle(article),
}];

export async function saveArticle(article: ExtractResult): Promise<string> {
  const r = await sendToBackground('library:save', { article });
  const images = r.imagesSkipped ? ` (${r.imagesSkipped} image${r.imagesSkipped === 1 ? '' : 's'} not saved)` : '';
  return (r.updated ? 'Updated in your library' : 'Saved to your library') + images + (r.note ? ` — ${r.note}` : '');
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
