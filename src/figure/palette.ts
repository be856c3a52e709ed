/**
 * Instance colours by position (links.md: colour follows position): the Okabe–Ito hues, a colour-blind-safe
 * palette, in one variant per background so that every series reaches 3:1 against it (WCAG 1.4.11, graphics).
 * Light (white and near-white: the app in light mode and every exported figure): Okabe–Ito with its yellow
 * replaced by a dark grey-blue, and green, pink, orange and sky blue darkened (on the panels' #f6f8fa they
 * were 3.2, 2.9, 2.1 and 2.2:1). Dark (near-black: dark mode and its presentation mode): the hues lightened
 * (the blue was 3.3:1 on #161b22, the grey-blue and wine 2.2:1), the wine turned magenta. The darkened
 * orange keeps away from the vermillion for protanopes, the light grey-blue from the pink for deuteranopes:
 * tests/unit/palette.test.ts checks every contrast and every pair under simulated colour-vision deficiency.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#008A64', '#B8588F', '#B08020', '#2E8BC7', '#44546A', '#8F2D56'];
export const PALETTE_DARK = ['#4FA3E0', '#E8743B', '#1FB58A', '#D98CB6', '#E69F00', '#8CCDF2', '#C8D4E0', '#E848B0'];

/** A series colour as a figure draws it (always on white). */
export const colourOf = (position: number) => PALETTE[position % PALETTE.length];

/**
 * A series colour on screen: the current scheme's palette through CSS custom properties (set by
 * src/ui/app/seriesColours.ts), so that a change of colour scheme recolours every chart without a redraw.
 */
export const seriesColour = (position: number) => `var(--series-${position % PALETTE.length})`;
