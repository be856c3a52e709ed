/**
 * The link parameters that say how the app shows a view rather than what the view contains: the open
 * story and step, presentation and embed mode, the panel presentation mode shows. A story step is
 * compared with the view, and a figure is exported, without them.
 */
import { serializeLink, type LinkState } from '../../link';

const VIEW_DEFAULTS = {
  story: 'none',
  step: 1,
  present: 0,
  panel: 'profile',
  embed: 0,
} as const satisfies Partial<LinkState>;

/** The canonical link of what a view contains (its view parameters at their defaults). */
export const contentLink = (state: LinkState) => serializeLink({ ...state, ...VIEW_DEFAULTS });
