/** Saves a file to the user's downloads from an extension page (no downloads permission needed). */
export function downloadFile(doc: Document, name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started by the next task; keep the URL a little longer for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
