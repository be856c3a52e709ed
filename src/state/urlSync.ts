/**
 * Keeps the address bar and the store in step (links.md §1 "Browser history"): the address always holds
 * the canonical link of the current state; each committed change is one history entry; during a drag the
 * first change pushes an entry and the rest replace it; Back/Forward reopen the link of that entry.
 *
 * Each change decides at once what it does to history (push, replace, or nothing), exactly as if it were
 * written at once, but the history call itself (1–2 ms of main thread) is made once the change is drawn
 * and the page is idle (at most REPLACE_EVERY_MS later), not inside the input event, where it would sit
 * between a slider move and its redraw.
 * Replacements during a drag are written at most every REPLACE_EVERY_MS (browsers ignore floods of history
 * calls). docs/performance.md.
 */
import { serializeLink } from '../link';
import { linkStateOf, useStore } from './store';

const REPLACE_EVERY_MS = 120;

/** The page's address for a link (the path and hash of the page, the link as its query). */
const urlFor = (link: string) => `${location.pathname}${link}${location.hash}`;

/** The share link of the current state, as the address will hold it once pending history is written. */
export function currentUrl(): string {
  return `${location.origin}${urlFor(serializeLink(linkStateOf(useStore.getState())))}`;
}

/** History calls still to make, in order: `push` starts an entry, otherwise the current one is replaced. */
let pending: { push: boolean; link: string }[] = [];
let whenIdle: (() => void) | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Runs `fn` once the page is idle after the frame that shows the change (after the views' worker replies
 * that are already waiting); where requestIdleCallback is missing, right after the next frame. Returns a
 * cancel function.
 */
function afterTheChangeIsDrawn(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: REPLACE_EVERY_MS });
    return () => cancelIdleCallback(id);
  }
  let next: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (next = setTimeout(fn)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(next);
  };
}

function unschedule(): void {
  clearTimeout(timer);
  timer = undefined;
  whenIdle?.();
  whenIdle = undefined;
}

/** Makes the pending history calls now (also before anything else writes history, and when the page is hidden). */
export function writeHistoryNow(): void {
  unschedule();
  for (const { push, link } of pending) {
    if (push) history.pushState(null, '', urlFor(link));
    else if (link !== location.search) history.replaceState(null, '', urlFor(link));
  }
  pending = [];
}

/** The address once the pending calls are made. */
const addressToBe = () => pending.at(-1)?.link ?? location.search;

export function startUrlSync(): () => void {
  const store = useStore;
  let dragging = false;

  store.getState().openLink(location.search);
  history.replaceState(null, '', urlFor(serializeLink(linkStateOf(store.getState()))));

  // Back/Forward in the moment between a change and its history entry would find the entry not yet written:
  // the change is dropped (a push written now would land after the entry the browser just went to)
  const onPopState = () => {
    unschedule();
    pending = [];
    dragging = false;
    store.getState().openLink(location.search);
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') writeHistoryNow();
  };
  window.addEventListener('popstate', onPopState);
  window.addEventListener('pagehide', writeHistoryNow);
  document.addEventListener('visibilitychange', onHidden);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.change === prev.change) return;
    const link = serializeLink(linkStateOf(s));
    const replace = () => {
      // a replacement rewrites the entry still to be written, if there is one
      const last = pending.at(-1);
      if (last) last.link = link;
      else if (link !== location.search) pending.push({ push: false, link });
    };
    if (s.change.fromAddress) {
      if (link !== addressToBe()) replace();
    } else if (dragging) {
      replace();
    } else if (link !== addressToBe()) {
      pending.push({ push: true, link });
    }
    dragging = !s.change.fromAddress && !s.change.commit;
    if (!pending.length) return;
    // an entry is written once the change is drawn; replacements alone wait REPLACE_EVERY_MS
    if (pending.some((p) => p.push)) whenIdle ??= afterTheChangeIsDrawn(writeHistoryNow);
    timer ??= setTimeout(writeHistoryNow, REPLACE_EVERY_MS);
  });

  return () => {
    writeHistoryNow();
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('pagehide', writeHistoryNow);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
