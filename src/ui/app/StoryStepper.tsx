/**
 * The open story's stepper: title, "step i of n", the step's text, previous/next (also ← →), and, when a
 * parameter was changed since the step was opened, a "modified" mark with a way back to the step.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { linkStateOf, useStore } from '../../state/store';
import { LinkedText } from '../help/LinkedText';
import { moveStep, navigateTo, openStepOf, showStepPanel, stepState, withoutStory } from './storyNavigation';

export function StoryStepper() {
  const state = useStore(useShallow(linkStateOf));
  const open = openStepOf(state);
  // a step opened (menu, Previous/Next, keys, a link, Back/Forward) brings the panel its text talks about
  // into view; presentation mode shows that panel alone anyway
  const { story: storyId, step: stepNumber, panel, present } = state;
  useEffect(() => {
    // the step number is a dependency: a new step of the same panel is shown again
    if (storyId !== 'none' && stepNumber > 0 && present === 0) showStepPanel(panel);
  }, [storyId, stepNumber, panel, present]);
  if (!open) return null;
  const { story, index, step, modified } = open;
  const count = story.steps.length;
  // aria-disabled rather than disabled: the focused button stays focused at the first or last step
  const first = index === 0;
  const last = index === count - 1;
  return (
    // polite live region: a step change announces the new position and text (the rest does not change)
    <section className="story" aria-labelledby="story-title" aria-live="polite" data-testid="story">
      <div className="story-head">
        <h2 id="story-title">
          Story {story.id}: {story.title}
        </h2>
        <p className="story-position">
          Step {index + 1} of {count}
          {modified && <span className="story-modified"> · modified</span>}
        </p>
        <div className="story-nav">
          <button type="button" aria-disabled={first} onClick={() => moveStep(-1)} title="Previous step (←)">
            <span aria-hidden="true">← </span>Previous
          </button>
          <button type="button" aria-disabled={last} onClick={() => moveStep(1)} title="Next step (→)">
            Next<span aria-hidden="true"> →</span>
          </button>
          {modified && (
            <button type="button" onClick={() => navigateTo(stepState(state, story, index))}>
              Reset step
            </button>
          )}
          <button type="button" onClick={() => navigateTo(withoutStory(state))}>
            Close story
          </button>
        </div>
      </div>
      <p className="story-text">
        <LinkedText text={step.text} />
      </p>
    </section>
  );
}
