/**
 * The view of a story step (README "Stories"): its link's state, with the story, the step and how the page
 * shows it (presentation, embed) kept. Used when a step is opened, and when a link names a story and nothing
 * but how to show it (`?story=b&present=1`): such a link opens the step's own view, not the defaults.
 */
import { parseLink, type LinkState, type ParsedLink } from '../link';
import { STORIES, type Story } from '../stories';

/** The state of step `index` (0-based) of a story, keeping presentation and embed mode. */
export function stepState(current: LinkState, story: Story, index: number): LinkState {
  const { state } = parseLink(story.steps[index].link);
  return { ...state, story: story.id, step: index + 1, present: current.present, embed: current.embed };
}

/** Parameters that say which step and how to show it, not what it shows. */
const SHOWING = new Set(['v', 'story', 'step', 'present', 'embed', 'panel']);

/** A parsed link, with a story link that gives only SHOWING parameters opened as its step's own view. */
export function withStoryStep({ state, given }: ParsedLink): LinkState {
  const story = STORIES.find((s) => s.id === state.story);
  if (!story || !given.every((name) => SHOWING.has(name))) return state;
  const view = stepState(state, story, Math.min(state.step, story.steps.length) - 1);
  return given.includes('panel') ? { ...view, panel: state.panel } : view;
}
