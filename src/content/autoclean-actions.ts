/**
 * Auto-clean's overlay buttons (issue #6): "Always clean <site>" and "Never on <site>", contributed
 * through the content script's ACTION_PROVIDERS. The label's site comes from a compact rule (no PSL
 * in the content script, see autoclean/site-label.ts); the background decides the real site and
 * its answer is what the overlay announces. "Always clean" needs host permission, which can only
 * be requested in an extension page's user gesture: without it, the background opens a small
 * window focused on the site with an "Allow" button (works the same in Chrome and Firefox).
 */
import type { ActionProvider } from './action-types.js';
import { sendToBackground } from '../shell/messages.js';
import { siteLabel } from '../autoclean/site-label.js';

export const autoCleanActions: ActionProvider = ({ url }) => {
  const label = siteLabel(url);
  if (!label) return [];
  return [
    {
      id: 'autoclean-always',
      label: `Always clean ${label}`,
      placement: 'site-menu',
      title: `Open articles on ${label} in the reader by themselves`,
      run: async () => {
        const r = await sendToBackground('autoclean:choose', { mode: 'always' });
        if (r.grantPageOpened) return `Allow access to ${r.display} in the window that opened.`;
        return `Articles on ${r.display} will open cleaned from now on.`;
      },
    },
    {
      id: 'autoclean-never',
      label: `Never on ${label}`,
      placement: 'site-menu',
      title: `Never open the reader by itself on ${label}`,
      run: async () => {
        const r = await sendToBackground('autoclean:choose', { mode: 'never' });
        return `The reader will not open by itself on ${r.display}.`;
      },
    },
  ];
};
