/**
 * Keeps the address bar and the store in step (links.md §1 "Browser history"): the address always holds
 * the canonical link of the current state; each committed change is one history entry; during a drag the
 * first change pushes an entry and the rest replace it; Back/Forward reopen the link of that entry.
 * Replacements during a drag are throttled (browsers ignore floods of history calls); the last one is
 * always written.
 */
import { serializeLink } from '../link';
import { linkStateOf, useStore } from './store';

/** During a drag the address is replaced at most this often. */
const REPLACE_EVERY_MS = 150;

export function startUrlSync(): () => void {
  const store = useStore;
  const urlFor = (link: string) => `${location.pathname}${link}${location.hash}`;
  let dragging = false;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let lastReplace = 0;
  const replaceNow = () => {
    clearTimeout(pending);
    pending = undefined;
    lastReplace = performance.now();
    const link = serializeLink(linkStateOf(store.getState()));
    if (link !== location.search) history.replaceState(null, '', urlFor(link));
  };

  store.getState().openLink(location.search);
  history.replaceState(null, '', urlFor(serializeLink(linkStateOf(store.getState()))));

  const onPopState = () => {
    dragging = false;
    clearTimeout(pending);
    pending = undefined;
    store.getState().openLink(location.search);
  };
  window.addEventListener('popstate', onPopState);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.change === prev.change) return;
    const link = serializeLink(linkStateOf(s));
    if (s.change.fromAddress) {
      if (location.search !== link) history.replaceState(null, '', urlFor(link));
      return;
    }
    if (dragging) {
      // within a drag: replace, throttled; the change that ends the drag is written at once
      if (s.change.commit) replaceNow();
      else pending ??= setTimeout(replaceNow, Math.max(0, REPLACE_EVERY_MS - (performance.now() - lastReplace)));
    } else if (link !== location.search) {
      history.pushState(null, '', urlFor(link));
      lastReplace = performance.now();
    }
    dragging = !s.change.commit;
  });

  return () => {
    clearTimeout(pending);
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}
