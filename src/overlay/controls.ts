/**
 * The reading-settings panel behind the "Aa" button: theme and font as radio groups (arrow keys move
 * between options for free), size / line width / line spacing as −/+ steppers. It only reports
 * changes; the mount applies them and the caller persists them.
 */
import { h } from './dom.js';
import { FONTS, LIMITS, THEMES, type ReaderSettings } from './settings.js';

const THEME_LABEL: Record<(typeof THEMES)[number], string> = {
  auto: 'Auto',
  light: 'Light',
  sepia: 'Sepia',
  dark: 'Dark',
};
const FONT_LABEL: Record<(typeof FONTS)[number], string> = {
  serif: 'Serif',
  sans: 'Sans',
  humanist: 'Book',
  mono: 'Mono',
};

export interface Controls {
  button: HTMLButtonElement;
  panel: HTMLElement;
  update(s: ReaderSettings): void;
  setOpen(open: boolean): void;
  isOpen(): boolean;
  /** Changes settings as the panel's own controls do (the reader's keyboard shortcuts use it). */
  set(patch: Partial<ReaderSettings>): void;
}

type Stepped = 'fontSize' | 'lineWidth' | 'lineHeight';

export function renderControls(
  doc: Document,
  initial: ReaderSettings,
  onChange: (s: ReaderSettings) => void,
): Controls {
  let current = { ...initial };
  const set = (patch: Partial<ReaderSettings>): void => {
    current = { ...current, ...patch };
    update(current);
    onChange(current);
  };

  const radios = <T extends string>(
    name: keyof ReaderSettings,
    legend: string,
    values: readonly T[],
    label: Record<T, string>,
    cls: string,
  ): HTMLFieldSetElement =>
    h(
      doc,
      'fieldset',
      {},
      h(doc, 'legend', {}, legend),
      h(
        doc,
        'div',
        { class: 'segmented' },
        ...values.map((v) => {
          const input = h(doc, 'input', { type: 'radio', name: `dr-${name}`, value: v, 'data-setting': name });
          input.addEventListener('change', () => input.checked && set({ [name]: v } as Partial<ReaderSettings>));
          return h(doc, 'label', { class: `${cls}-${v}` }, input, h(doc, 'span', {}, label[v]));
        }),
      ),
    );

  const outputs: Partial<Record<Stepped, HTMLOutputElement>> = {};
  const buttons: Partial<Record<Stepped, [HTMLButtonElement, HTMLButtonElement]>> = {};
  const stepper = (key: Stepped, legend: string, less: string, more: string): HTMLFieldSetElement => {
    const { step, min, max } = LIMITS[key];
    const dec = h(doc, 'button', { type: 'button', 'aria-label': less, 'data-step': `${key}-`, class: 'step' }, '−');
    const inc = h(doc, 'button', { type: 'button', 'aria-label': more, 'data-step': `${key}+`, class: 'step' }, '+');
    const clamp = (n: number): number => Math.min(max, Math.max(min, Math.round(n * 10) / 10));
    dec.addEventListener('click', () => set({ [key]: clamp(current[key] - step) } as Partial<ReaderSettings>));
    inc.addEventListener('click', () => set({ [key]: clamp(current[key] + step) } as Partial<ReaderSettings>));
    outputs[key] = h(doc, 'output', { 'aria-live': 'polite' });
    buttons[key] = [dec, inc];
    return h(
      doc,
      'fieldset',
      {},
      h(doc, 'legend', {}, legend),
      h(doc, 'div', { class: 'stepper' }, dec, outputs[key]!, inc),
    );
  };

  const panel = h(
    doc,
    'div',
    { class: 'panel', id: 'dr-settings', role: 'group', 'aria-label': 'Reading settings', hidden: true },
    radios('theme', 'Theme', THEMES, THEME_LABEL, 'swatch'),
    radios('font', 'Font', FONTS, FONT_LABEL, 'font'),
    stepper('fontSize', 'Text size', 'Smaller text', 'Larger text'),
    stepper('lineWidth', 'Line width', 'Narrower lines', 'Wider lines'),
    stepper('lineHeight', 'Line spacing', 'Tighter lines', 'Looser lines'),
  );
  const button = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'aa',
      'aria-expanded': 'false',
      'aria-controls': 'dr-settings',
      title: 'Reading settings',
      'aria-label': 'Reading settings',
    },
    'Aa',
  );

  function update(s: ReaderSettings): void {
    current = { ...s };
    for (const input of Array.from(panel.querySelectorAll<HTMLInputElement>('input[type=radio]'))) {
      input.checked = current[input.dataset.setting as 'theme' | 'font'] === input.value;
    }
    const show: Record<Stepped, string> = {
      fontSize: `${current.fontSize}px`,
      lineWidth: `${current.lineWidth} ch`,
      lineHeight: current.lineHeight.toFixed(1),
    };
    for (const key of Object.keys(show) as Stepped[]) {
      outputs[key]!.textContent = show[key];
      const [dec, inc] = buttons[key]!;
      dec.disabled = current[key] <= LIMITS[key].min;
      inc.disabled = current[key] >= LIMITS[key].max;
    }
  }
  update(current);

  const setOpen = (open: boolean): void => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => {
    setOpen(panel.hidden);
    if (!panel.hidden) panel.querySelector<HTMLInputElement>('input:checked')?.focus();
  });
  return { button, panel, update, setOpen, isOpen: () => !panel.hidden, set };
}
