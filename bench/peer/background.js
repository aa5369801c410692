// The peer's background: a toolbar click injects the content script, which opens (or closes) the overlay.
chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  chrome.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: ['content.js'] }).catch((e) => {
    console.warn('peer reader: cannot run here:', e?.message ?? e);
  });
});
