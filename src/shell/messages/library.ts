/** Messages of the saved-articles library (issue #7). */
export type LibraryToBackground = Record<never, never>;
