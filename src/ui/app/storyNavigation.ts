/**
 * Stories (src/stories.ts) as the app uses them. The address stays the single source of truth: a story
 * step is opened by navigating to its link (plus `story`, `step` and the current presentation/embed
 * flags), so each step is one history entry and Back/Forward walk through the steps. Editing a parameter
 * keeps the story open; the step then reads as "modified" (README "Stories").
 */
import { parseLink, serializeLink, type LinkState } from '../../link';
import { linkStateOf, useStore } from '../../state/store';
import { stepState } from '../../state/storyView';
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

export { stepState };

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

/** How long a panel brought into view by a story step stays marked, and followed while the page settles. */
const MARK_MS = 2500;

/** Stops following the panel of the previous step. */
let stopFollowing: (() => void) | null = null;

/**
 * Scrolls a panel to the top of the window and marks it for a moment (the story's text stays above it, one
 * scroll up). Panels above it still settle after a step opens (off-screen panels are laid out at an estimated
 * height until first drawn), so for MARK_MS the panel is kept in place as they do, until the reader scrolls.
 * Smooth scrolling only without `prefers-reduced-motion`.
 */
export function showStepPanel(panel: LinkState['panel']): void {
  stopFollowing?.();
  const section = document.querySelector<HTMLElement>(`section[aria-labelledby="${panel}-heading"]`);
  if (!section) return;
  const place = (behavior: ScrollBehavior) => {
    const top = section.getBoundingClientRect().top + window.scrollY - 8;
    window.scrollTo({ top: Math.max(0, top), behavior });
  };
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  place(reduced ? 'auto' : 'smooth');
  section.classList.add('story-target');
  const settle = new ResizeObserver(() => place('auto'));
  if (section.parentElement) settle.observe(section.parentElement);
  const readerScrolls = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    settle.disconnect();
    clearTimeout(timer);
    for (const type of readerScrolls) window.removeEventListener(type, stop);
    section.classList.remove('story-target');
    if (stopFollowing === stop) stopFollowing = null;
  };
  const timer = setTimeout(stop, MARK_MS);
  for (const type of readerScrolls) window.addEventListener(type, stop, { passive: true });
  stopFollowing = stop;
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
