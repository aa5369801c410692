/** Messages of the reader overlay (issue #5). */
export type ReaderToBackground = {
  /** The overlay opened or closed in the sender's tab (for the toolbar badge). */
  'reader:state': { request: { open: boolean }; response: void };
};

export type ReaderToContent = {
  /** Toggle the overlay (toolbar button, shortcut, context menu). */
  'reader:toggle': { request: { force?: boolean }; response: { open: boolean } };
};
