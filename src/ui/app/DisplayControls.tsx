import { useStore } from '../../state/store';

/** Global display settings shared by every view: `norm` (links.md). */
export function DisplayControls() {
  const norm = useStore((s) => s.norm);
  const setGlobal = useStore((s) => s.setGlobal);
  return (
    <section className="display-controls" aria-labelledby="display-heading">
      <h2 id="display-heading">Display</h2>
      <fieldset className="segmented">
        <legend>Normalization</legend>
        <label>
          <input type="radio" name="norm" checked={norm === 'unit'} onChange={() => setGlobal('norm', 'unit')} />
          unit: k / κ(1)
        </label>
        <label>
          <input type="radio" name="norm" checked={norm === 'raw'} onChange={() => setGlobal('norm', 'raw')} />
          raw
        </label>
      </fieldset>
      <small className="help">
        unit divides each kernel by its value at x = z on the unit sphere (a constant per kernel; the NTK's is
        (L+1)(1+β²)), so all curves start at 1.
      </small>
    </section>
  );
}
