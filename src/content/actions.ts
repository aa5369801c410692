/**
 * The overlay's extra buttons, contributed by features: a provider gets the article and returns its
 * buttons (synchronously: opening must not wait on them). To add a feature's buttons, add its
 * provider to ACTION_PROVIDERS — one import, one list entry. The provider type is action-types.ts.
 */
import type { ReaderAction } from '../overlay/types.js';
import type { ActionContext, ActionProvider } from './action-types.js';
import { autoCleanActions } from './autoclean-actions.js';
import { saveAction } from './save-action.js';

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
