/** "Save" — the library (issue #7) stores the article through its 'library:save' message. */
import type { ExtractResult } from '../core/types.js';
import { sendToBackground } from '../shell/messages.js';
import type { ActionProvider } from './action-types.js';

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
