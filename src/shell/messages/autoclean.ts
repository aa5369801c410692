/** Messages of auto-clean (issue #6). */
export type AutoCleanToBackground = Record<never, never>;
