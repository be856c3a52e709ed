/**
 * Stories (src/stories.ts) as the app uses them. The address stays the single source of truth: a story
 * step is opened by navigating to its link (plus `story`, `step` and the current presentation/embed
 * flags), so each step is one history entry and Back/Forward walk through the steps. Editing a parameter
 * keeps the story open; the step then reads as "modified" (README "Stories").
 */
import { parseLink, serializeLink, type LinkState } from '../../link';
import { linkStateOf, useStore } from '../../state/store';
import { writeHistoryNow } from '../../state/urlSync';
import { STORIES, type Story, type StoryStep } from '../../stories';
import { contentLink } from './viewParameters';

export interface OpenStep {
  story: Story;
  /** 0-based; `step` clamped to the story's length */
  index: number;
  step: StoryStep;
  /**
   * the view's content differs from the step's link (a parameter was changed since the step was opened;
   * switching panels or presentation mode changes no content)
   */
  modified: boolean;
}

/** The story step a state shows, or null without a story. */
export function openStepOf(state: LinkState): OpenStep | null {
  const story = STORIES.find((s) => s.id === state.story);
  if (!story) return null;
  const index = Math.min(state.step, story.steps.length) - 1;
  const step = story.steps[index];
  return { story, index, step, modified: contentLink(state) !== contentLink(parseLink(step.link).state) };
}

/** The state of step `index` (0-based) of a story: its link, keeping presentation and embed mode. */
export function stepState(current: LinkState, story: Story, index: number): LinkState {
  const { state } = parseLink(story.steps[index].link);
  return { ...state, story: story.id, step: index + 1, present: current.present, embed: current.embed };
}

/** The current state with the story closed (the view itself is kept). */
export const withoutStory = (current: LinkState): LinkState => ({ ...current, story: 'none', step: 1 });

/** The store's current link state. */
export const currentState = () => linkStateOf(useStore.getState());

/**
 * Opens a whole state as one new history entry, as following its link would. The store's setters change
 * one parameter per history entry; a story step changes many at once.
 */
export function navigateTo(state: LinkState): void {
  const link = serializeLink(state);
  writeHistoryNow(); // the entries of earlier changes come first
  history.pushState(null, '', `${location.pathname}${link}${location.hash}`);
  useStore.getState().openLink(link);
}

/** Goes `by` steps forward (or back) in the open story; false when there is no such step. */
export function moveStep(by: -1 | 1): boolean {
  const state = currentState();
  const open = openStepOf(state);
  const to = (open?.index ?? -1) + by;
  if (!open || to < 0 || to >= open.story.steps.length) return false;
  navigateTo(stepState(state, open.story, to));
  return true;
}
