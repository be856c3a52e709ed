/**
 * Instance colours by position (links.md: colour follows position). Okabe–Ito, a colour-blind-safe
 * palette, with its yellow replaced by a dark grey-blue for contrast on white.
 */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#44546A', '#8F2D56'];

export const colourOf = (position: number) => PALETTE[position % PALETTE.length];
