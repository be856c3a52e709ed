/**
 * Keeps the address bar and the store in step (links.md §1 "Browser history"): the address always holds
 * the canonical link of the current state; each committed change is one history entry; during a drag the
 * first change pushes an entry and the rest replace it; Back/Forward reopen the link of that entry.
 *
 * History is written a moment after the change (WRITE_AFTER_MS), not inside the input event: a history
 * call costs 1–2 ms of main thread, which would otherwise sit between a slider move and its redraw. The
 * entries are the same as if written at once: each change records whether it starts an entry, and the
 * pending entries are written in order. During a drag the address is thus replaced at most every
 * WRITE_AFTER_MS (browsers ignore floods of history calls).
 */
import { serializeLink } from '../link';
import { linkStateOf, useStore, type AppState } from './store';

const WRITE_AFTER_MS = 120;

/** The page's address for a link (the path and hash of the page, the link as its query). */
const urlFor = (link: string) => `${location.pathname}${link}${location.hash}`;

/** The share link of the current state, as the address will hold it once pending history is written. */
export function currentUrl(): string {
  return `${location.origin}${urlFor(serializeLink(linkStateOf(useStore.getState())))}`;
}

/**
 * Entries still to write, in order: `push` starts a history entry, otherwise the current one is replaced.
 * They hold the (immutable) state; its link is serialized only when written.
 */
let pending: { push: boolean; state: AppState }[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

/** Writes pending history now: before anything else writes history, and when the page is left. */
export function writeHistoryNow(): void {
  clearTimeout(timer);
  timer = undefined;
  for (const { push, state } of pending) {
    const link = serializeLink(linkStateOf(state));
    if (link === location.search) continue;
    if (push) history.pushState(null, '', urlFor(link));
    else history.replaceState(null, '', urlFor(link));
  }
  pending = [];
}

export function startUrlSync(): () => void {
  const store = useStore;
  let dragging = false;

  store.getState().openLink(location.search);
  history.replaceState(null, '', urlFor(serializeLink(linkStateOf(store.getState()))));

  // Back/Forward within WRITE_AFTER_MS of a change finds that change not yet in history: it is dropped
  const onPopState = () => {
    dragging = false;
    clearTimeout(timer);
    timer = undefined;
    pending = [];
    store.getState().openLink(location.search);
  };
  window.addEventListener('popstate', onPopState);
  // a page being left (or hidden, perhaps for good) writes what is pending, so reload and restore agree
  window.addEventListener('pagehide', writeHistoryNow);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.change === prev.change) return;
    const push = !s.change.fromAddress && !dragging;
    const last = pending.at(-1);
    // a replacement rewrites the entry still waiting to be written, whether it was to push or replace
    if (!push && last) last.state = s;
    else pending.push({ push, state: s });
    dragging = !s.change.fromAddress && !s.change.commit;
    timer ??= setTimeout(writeHistoryNow, WRITE_AFTER_MS);
  });

  return () => {
    writeHistoryNow();
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('pagehide', writeHistoryNow);
  };
}
