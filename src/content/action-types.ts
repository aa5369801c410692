/**
 * What a feature's overlay buttons are made from: the provider type every feature implements and
 * the registry (actions.ts) lists. A file of its own so a feature imports the type without
 * importing the registry that imports the feature.
 */
import type { ExtractResult } from '../core/types.js';
import type { ReaderAction } from '../overlay/types.js';

export interface ActionContext {
  article: ExtractResult;
  /** The page URL. */
  url: string;
}
export type ActionProvider = (ctx: ActionContext) => ReaderAction[];
