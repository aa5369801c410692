/**
 * The reader answers only to the user's own input.
 *
 * The overlay's shadow root is open (the real-browser tests and tools read the reader through
 * `host.shadowRoot`), so page script can reach every control in it and call
 * `.click()`, flip a radio and dispatch `change`, or `submit`. Each of those events is untrusted
 * (`isTrusted === false`): the browser marks everything a script creates or dispatches. A capture
 * listener on the shadow root runs before any listener inside it, so one guard here covers every
 * control — settings, close, "Show anyway", links in the article, and the feature buttons (which also
 * check on their own, so a mistake here cannot open the privileged ones).
 *
 * The user's clicks, taps and keyboard activation (Enter/Space on a button, arrows in a radio group, a
 * click on a label) are trusted events and pass. Keyboard events are left alone here: Esc is checked
 * where it is handled (mount-reader), and Tab only moves focus inside the reader.
 */

/** Event types by which a control in the reader does something. */
const ACTIVATION_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'input',
  'change',
  'submit',
  'pointerdown',
  'mousedown',
] as const;

export function acceptOnlyUserInput(root: ShadowRoot, signal: AbortSignal): void {
  for (const type of ACTIVATION_EVENTS) {
    root.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) return;
        // preventDefault also undoes a scripted .click() on a radio or checkbox (the browser restores its
        // checked state) and keeps a scripted click on a link from navigating.
        e.preventDefault();
        e.stopImmediatePropagation();
      },
      { capture: true, signal },
    );
  }
}
