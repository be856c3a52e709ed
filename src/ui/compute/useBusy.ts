/**
 * Tracks pending worker work for a panel: `busy` turns on only when work has been pending for more than
 * 300 ms (no flicker for fast work); failures become a notice with a Retry action. Retry bumps `attempt`,
 * which the caller lists among its effect's dependencies: the request is made again from the CURRENT state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from '../../state/store';

const SHOW_AFTER_MS = 300;

export function useBusy() {
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const pending = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  /** `retry` runs again what failed (default: bump `attempt`, so the caller's effect re-requests). */
  const track = useCallback((work: Promise<unknown>, failure: string, retry?: () => void) => {
    if (pending.current++ === 0) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setBusy(true), SHOW_AFTER_MS);
    }
    work
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        useStore
          .getState()
          .notify('error', `${failure}.`, [reason], { label: 'Retry', run: retry ?? (() => setAttempt((a) => a + 1)) });
      })
      .finally(() => {
        if (--pending.current === 0) {
          clearTimeout(timer.current);
          setBusy(false);
        }
      });
  }, []);

  return [busy, track, attempt] as const;
}
