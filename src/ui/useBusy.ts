/**
 * Tracks pending worker work for a panel: `busy` turns on only when work has been pending for more than
 * 300 ms (no flicker for fast work); failures become a notice with a Retry action.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from '../state/store';

const SHOW_AFTER_MS = 300;

export function useBusy() {
  const [busy, setBusy] = useState(false);
  const pending = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const track = useCallback((work: Promise<unknown>, failure: string, retry?: () => void) => {
    if (pending.current++ === 0) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setBusy(true), SHOW_AFTER_MS);
    }
    work
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        useStore.getState().notify('error', `${failure}.`, [reason], retry ? { label: 'Retry', run: retry } : undefined);
      })
      .finally(() => {
        if (--pending.current === 0) {
          clearTimeout(timer.current);
          setBusy(false);
        }
      });
  }, []);

  return [busy, track] as const;
}
