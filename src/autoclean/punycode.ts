/**
 * Punycode decoding (RFC 3492) for showing IDN sites in their own script: `xn--sddeutsche-9db.de`
 * → `süddeutsche.de`. Encoding is never needed here: WHATWG `URL` already turns unicode host names
 * into punycode, and that ASCII form is the one we store and compare. A label that does not decode
 * is returned unchanged (display only; never trusted for matching).
 */
const BASE = 36,
  TMIN = 1,
  TMAX = 26,
  SKEW = 38,
  DAMP = 700,
  INITIAL_BIAS = 72,
  INITIAL_N = 128;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  for (; d > ((BASE - TMIN) * TMAX) >> 1; k += BASE) d = Math.floor(d / (BASE - TMIN));
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

function digit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 22; // 0-9 → 26..35
  if (c >= 0x41 && c <= 0x5a) return c - 0x41; // A-Z
  if (c >= 0x61 && c <= 0x7a) return c - 0x61; // a-z
  return BASE;
}

/** Decodes one punycode label body (without the `xn--` prefix); throws on malformed input. */
export function decodeLabel(input: string): string {
  const out: number[] = [];
  const basicEnd = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(basicEnd, 0); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) throw new RangeError('non-basic code point');
    out.push(c);
  }
  let n = INITIAL_N,
    bias = INITIAL_BIAS,
    i = 0;
  for (let idx = basicEnd > 0 ? basicEnd + 1 : 0; idx < input.length;) {
    const oldi = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (idx >= input.length) throw new RangeError('truncated');
      const d = digit(input.charCodeAt(idx++));
      if (d >= BASE) throw new RangeError('bad digit');
      i += d * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x7fffffff || w > 0x7fffffff) throw new RangeError('overflow');
    }
    bias = adapt(i - oldi, out.length + 1, oldi === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) throw new RangeError('overflow');
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/** `xn--` labels of a host name decoded; other labels, and labels that fail to decode, unchanged. */
export function toUnicode(host: string): string {
  return host
    .split('.')
    .map((label) => {
      if (!/^xn--/i.test(label)) return label;
      try {
        return decodeLabel(label.slice(4).toLowerCase());
      } catch {
        return label;
      }
    })
    .join('.');
}
