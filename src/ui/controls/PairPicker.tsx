/**
 * Two kernel instances A and B picked by position (link parameters such as ra/rb or da/db): the ratio
 * view of the spectrum and the off-sphere comparison. Positions beyond the last kernel show the last. When A
 * and B cannot differ (src/link/comparison.ts) the picker says so beside the choice that caused it.
 */
import { useShallow } from 'zustand/react/shallow';
import { kernelLabel } from '../../core/kernels/registry';
import { comparison, sameComparisonText } from '../../link';
import { useStore } from '../../state/store';
import './controls.css';

type PositionKey = 'ra' | 'rb' | 'da' | 'db';

export function PairPicker({ keys, purpose }: { keys: readonly [PositionKey, PositionKey]; purpose: string }) {
  const s = useStore(useShallow((st) => ({ kernels: st.kernels, a: st[keys[0]], b: st[keys[1]] })));
  const setGlobal = useStore((st) => st.setGlobal);
  const same = sameComparisonText(s.kernels, comparison(s.kernels, s.a, s.b));
  return (
    <div className="pair-pick">
      {keys.map((key, j) => (
        <label key={key}>
          {purpose} {j === 0 ? 'A' : 'B'}{' '}
          <select
            aria-label={`${purpose}: kernel ${j === 0 ? 'A' : 'B'}`}
            value={Math.min(j === 0 ? s.a : s.b, s.kernels.length)}
            onChange={(e) => setGlobal(key, Number(e.target.value))}
          >
            {s.kernels.map((k, i) => (
              <option key={i} value={i + 1}>
                {kernelLabel(k, i)}
              </option>
            ))}
          </select>
        </label>
      ))}
      {same && (
        <p className="pair-same" role="status">
          {same}
        </p>
      )}
    </div>
  );
}
