/**
 * The header's Stories menu: a disclosure button and the list of stories; choosing one opens its first
 * step (one history entry). Escape or moving focus elsewhere closes the list.
 */
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useStore } from '../../state/store';
import { STORIES, type Story } from '../../stories';
import { currentState, navigateTo, stepState } from './storyNavigation';

export function StoriesMenu() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const current = useStore((s) => s.story);

  const choose = (story: Story) => {
    setOpen(false);
    navigateTo(stepState(currentState(), story, 0));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
  };

  return (
    <div className="stories-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button ref={toggle} type="button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        Stories <span aria-hidden="true">▾</span>
      </button>
      <ul id={listId} className="stories-list" aria-label="Stories" hidden={!open}>
        {STORIES.map((story) => (
          <li key={story.id}>
            <button
              type="button"
              aria-current={story.id === current ? 'true' : undefined}
              onClick={() => choose(story)}
            >
              <span className="story-id">{story.id}.</span> {story.title} <small>({story.steps.length} steps)</small>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
