/**
 * Formulas and numbers as plain Unicode for figures (links.md §2: "formulas as Unicode"): λ_k → λₖ,
 * k^−d → k⁻ᵈ, S^{d−1} → Sᵈ⁻¹, 1e-14 → 10⁻¹⁴. A script that Unicode cannot write (no superscript ν) keeps
 * its caret form, k^−(d−1+2ν), which still reads unambiguously.
 */

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '−': '⁻',
  '+': '⁺',
  '(': '⁽',
  ')': '⁾',
  '=': '⁼',
  // no superscript full stop exists: a raised dot reads as the decimal point (k⁻²·⁵)
  '.': '·',
  d: 'ᵈ',
  k: 'ᵏ',
  n: 'ⁿ',
  i: 'ⁱ',
  γ: 'ᵞ',
  β: 'ᵝ',
};

const SUBSCRIPT: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  k: 'ₖ',
  i: 'ᵢ',
  t: 'ₜ',
  n: 'ₙ',
};

/** The text in superscript characters, or null when one of them has none. */
function script(text: string, table: Record<string, string>): string | null {
  let out = '';
  for (const c of text) {
    const s = table[c];
    if (s === undefined) return null;
    out += s;
  }
  return out;
}

/** `^x`, `^(…)`, `^{…}`, `_x`, `_{…}` written with Unicode super- and subscripts where they exist. */
export function unicodeMath(text: string): string {
  return text
    .replace(/\^\{([^}]*)\}|\^([−-]?\([^)]*\))|\^([−-]?[\w.γβ]+)/g, (all, braced, bracketed, bare) => {
      // `{…}` only groups; `(…)` stays, as the parentheses of the exponent
      const body = braced ?? bracketed ?? bare;
      return script(body, SUPERSCRIPT) ?? (braced === undefined ? all : `^(${braced})`);
    })
    .replace(/_\{([^}]*)\}|_([0-9a-z])(?![\w])/g, (all, braced, bare) => script(braced ?? bare, SUBSCRIPT) ?? all);
}

/** 10 to an integer power: 10⁻¹⁴, 10⁰, 10³. */
export const powerOfTen = (exponent: number): string => `10${script(String(exponent), SUPERSCRIPT)}`;

/** A number for a figure's text, 4 significant digits, a true minus sign and a power of ten: −5.684×10⁻⁷. */
export function figureText(v: number, digits = 4): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (a >= 1e-3 && a < 1e5) return sign + String(Number(a.toPrecision(digits)));
  const [mantissa, exponent] = a.toExponential(digits - 1).split('e');
  const m = String(Number(mantissa));
  return `${sign}${m === '1' ? '' : `${m}×`}${powerOfTen(Number(exponent))}`;
}
