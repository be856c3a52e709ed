/**
 * Keeps the address bar and the store in step (links.md §1 "Browser history"): the address always holds
 * the canonical link of the current state; each committed change is one history entry; during a drag the
 * first change pushes an entry and the rest replace it; Back/Forward reopen the link of that entry.
 */
import { serializeLink } from '../link';
import { linkStateOf, useStore } from './store';

export function startUrlSync(): () => void {
  const store = useStore;
  const urlFor = (link: string) => `${location.pathname}${link}${location.hash}`;
  let dragging = false;

  store.getState().openLink(location.search);
  history.replaceState(null, '', urlFor(serializeLink(linkStateOf(store.getState()))));

  const onPopState = () => {
    dragging = false;
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
    if (link !== location.search) {
      if (dragging) history.replaceState(null, '', urlFor(link));
      else history.pushState(null, '', urlFor(link));
    }
    dragging = !s.change.commit;
  });

  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}
