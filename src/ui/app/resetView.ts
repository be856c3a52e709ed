/**
 * Reset view (README "Reset view"): every parameter back to its default in one change, so one history
 * entry, which one Back — or the notice's Undo — takes back. Undo rather than a confirmation: resetting is
 * one click and never loses anything that Back cannot restore, while a question before every reset would
 * be a click more for the common case. How the view is shown is kept: presentation mode, embed mode and the
 * panel presentation mode shows.
 */
import { defaultState, serializeLink, type LinkState } from '../../link';
import { linkStateOf, useStore } from '../../state/store';
import { writeHistoryNow } from '../../state/urlSync';

export const RESET_NOTICE = 'The view was reset to the defaults.';

/** The defaults, with the display mode of `s`. */
export function resetState(s: LinkState): LinkState {
  return { ...defaultState(), present: s.present, embed: s.embed, panel: s.panel };
}

/** The view is already what Reset view would make it. */
export function isReset(s: LinkState): boolean {
  return serializeLink(resetState(s)) === serializeLink(s);
}

export function resetView(): void {
  const store = useStore;
  const before = linkStateOf(store.getState());
  if (isReset(before)) return;
  store.getState().setLinkState(resetState(before));
  const { seq } = store.getState().change;
  store
    .getState()
    .notify('info', RESET_NOTICE, ['Undo, or the browser’s Back button, brings the previous view back.'], {
      label: 'Undo',
      run: () => {
        // the reset's entry is written first, so that Back leaves exactly it
        writeHistoryNow();
        history.back();
      },
    });
  // the Undo is Back: once anything else has changed, Back no longer means "before the reset"
  const unsubscribe = store.subscribe((s) => {
    if (s.change.seq === seq) return;
    unsubscribe();
    const notice = s.notices.find((n) => n.title === RESET_NOTICE);
    if (notice) s.dismiss(notice.id);
  });
}
