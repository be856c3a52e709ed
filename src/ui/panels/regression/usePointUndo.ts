/**
 * Undo for the data points edited on the chart (a click adds a point, a click on a point removes it, and a
 * click near a point hits the point): each such edit is remembered with what it did, and undone in reverse
 * order by the chart's Undo button or Ctrl+Z (⌘Z). The edits stay undoable only while the points are the ones
 * they left: a change from elsewhere (the field, Load target, Back) forgets them.
 */
import { useMemo, useState } from 'react';
import { useStore } from '../../../state/store';

export interface PointEdit {
  /** the `pts` text before and after the edit */
  before: string;
  after: string;
  /** what the edit did, e.g. "Removed the point θ = 40°, y = 0.31" */
  said: string;
}

/** Edits remembered: enough for a run of slips, bounded. */
const KEPT = 50;

/** Stable while the points and the edits stay the same (the chart it is given to is memoized). */
export function usePointUndo(pts: string) {
  const [edits, setEdits] = useState<readonly PointEdit[]>([]);
  return useMemo(() => {
    const live = edits.length > 0 && edits[edits.length - 1].after === pts ? edits : [];
    const setPts = (value: string) => useStore.getState().setGlobal('pts', value);
    return {
      /** the last edit still undoable, or null */
      last: live.at(-1) ?? null,
      /** makes an edit of the points, remembering it */
      edit(after: string, said: string) {
        setEdits([...live.slice(1 - KEPT), { before: pts, after, said }]);
        setPts(after);
      },
      undo() {
        const last = live.at(-1);
        if (!last) return;
        setEdits(live.slice(0, -1));
        setPts(last.before);
      },
    };
  }, [edits, pts]);
}
