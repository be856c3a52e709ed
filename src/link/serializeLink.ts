/**
 * The canonical link of a state (links.md §1): `v=1` first, then the parameters in links.md order and the
 * team's in table order, default values left out, readable characters.
 */
import { familyOf, type KernelInstance, type ParamValue } from '../core/kernels/registry';
import { DEFAULT_KERNELS, GLOBAL_PARAMS, LINK_VERSION, formatLinkNumber, type LinkState } from './params';

const valueText = (v: ParamValue) => (typeof v === 'number' ? formatLinkNumber(v) : v);

/**
 * The canonical instance text (links.md §2): the family, then `(key=value,...)` with only the non-default
 * keys in table order, or the bare family name when every key is at its default. Not percent-encoded.
 */
export function instanceText(k: KernelInstance): string {
  const keys = familyOf(k)
    .params.filter((spec) => k.params[spec.key] !== spec.default)
    .map((spec) => `${spec.key}=${valueText(k.params[spec.key])}`);
  return keys.length > 0 ? `${k.family}(${keys.join(',')})` : k.family;
}

const DEFAULT_KERNELS_TEXT = DEFAULT_KERNELS.map(instanceText).join(',');

/**
 * Percent-encodes what needs it, leaving parentheses, commas and `=` readable (links.md §1), and the `:`
 * and `;` of list values (`pts=30:0.5;120:-1`, docs/function-space.md).
 */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3D/g, '=').replace(/%3A/g, ':').replace(/%3B/g, ';');

/** The canonical query string of a valid state, starting with `?` (links.md §1, §2 `link`). */
export function serializeLink(state: LinkState): string {
  const parts = [`v=${LINK_VERSION}`];
  const kernels = state.kernels.map(instanceText).join(',');
  if (kernels !== DEFAULT_KERNELS_TEXT) parts.push(`kernels=${encode(kernels)}`);
  for (const spec of GLOBAL_PARAMS) {
    const value = state[spec.key];
    if (value !== spec.default) parts.push(`${encode(spec.key)}=${encode(valueText(value))}`);
  }
  return `?${parts.join('&')}`;
}
