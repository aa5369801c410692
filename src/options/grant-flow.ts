/**
 * Turning a site on from the options page, where the permission prompt can appear: the browser
 * only shows `permissions.request` during a user gesture, and Firefox forgets the gesture at the
 * first `await`, so the request is made *synchronously* in the click handler — before any message
 * or storage call — and only then is the choice saved. Separated from the page so a unit test can
 * drive it with a fake `request` and prove that order and the origins asked for.
 *
 * We ask for exactly the site's patterns (`*://site/*`, `*://*.site/*`), never all sites.
 */
import { sitePatterns } from '../autoclean/site.js';
import { wantsToRun, type SiteMode } from '../autoclean/settings.js';

export interface GrantDeps {
  /** browser.permissions.request */
  request(p: { origins: string[] }): Promise<boolean>;
  /** Saves the choice (the background's autoclean:set-mode). */
  save(site: string, mode: SiteMode): Promise<unknown>;
}

export type GrantOutcome = { saved: true; granted: boolean } | { saved: false; reason: 'denied' };

/**
 * Sets a site's mode. For always/ask, asks for the site's permission first (inside the gesture);
 * when the user refuses, nothing is saved. `never` needs no permission.
 */
export function chooseMode(site: string, mode: SiteMode, deps: GrantDeps): Promise<GrantOutcome> {
  if (!wantsToRun(mode)) return deps.save(site, mode).then(() => ({ saved: true as const, granted: false }));
  // No `await` before this line: it must run in the click's task (see the module comment).
  const asked = deps.request({ origins: sitePatterns(site) });
  return asked.then(async (granted) => {
    if (!granted) return { saved: false as const, reason: 'denied' as const };
    await deps.save(site, mode);
    return { saved: true as const, granted: true };
  });
}

/**
 * One prompt for many sites (after an import, or "grant all"): the union of their patterns.
 * Returns whether the browser granted them; the choices are saved by the caller either way (an
 * imported list is the user's data; sites left without permission show "needs permission").
 */
export function requestSites(sites: readonly string[], request: GrantDeps['request']): Promise<boolean> {
  if (!sites.length) return Promise.resolve(true);
  return request({ origins: Array.from(new Set(sites.flatMap(sitePatterns))) });
}
