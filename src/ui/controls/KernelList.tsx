/**
 * The kernel list: each instance with its colour, formula and parameters; add, remove, duplicate and
 * reorder (up to 8 instances, the same family more than once). Driven by the kernel registry.
 */
import { memo, useState } from 'react';
import { FAMILIES, familyOf, type ControlPlace, type KernelInstance, kernelLabel } from '../../core/kernels/registry';
import { MAX_INSTANCES } from '../../link';
import { useStore, withKernelParam } from '../../state/store';
import { Formula } from './Formula';
import { ParamControl } from './ParamControl';
import { seriesColour } from '../../figure/palette';
import { prefetchProfiles } from '../panels/profile/useProfile';
import './controls.css';

export function KernelList({ place = 'sphere' }: { place?: ControlPlace }) {
  const kernels = useStore((s) => s.kernels);
  return (
    <section className="kernel-list" aria-labelledby="kernels-heading">
      <h2 id="kernels-heading">Kernels</h2>
      <ol>
        {kernels.map((k, i) => (
          <KernelCard key={i} kernel={k} position={i} count={kernels.length} place={place} />
        ))}
      </ol>
      <AddKernel full={kernels.length >= MAX_INSTANCES} />
    </section>
  );
}

/** Memoized: only the card whose kernel changed re-renders. */
const KernelCard = memo(function KernelCard({
  kernel,
  position,
  count,
  place,
}: {
  kernel: KernelInstance;
  position: number;
  count: number;
  place: ControlPlace;
}) {
  const f = familyOf(kernel);
  const { setKernelParam, commit, removeKernel, duplicateKernel, moveKernel } = useStore.getState();
  const name = `${f.name} (kernel ${position + 1})`;
  return (
    <li className="kernel-card" style={{ borderLeftColor: seriesColour(position) }} aria-label={name}>
      <div className="kernel-head">
        <span className="swatch" style={{ background: seriesColour(position) }} aria-hidden="true" />
        <strong>{kernelLabel(kernel, position)}</strong>
        <Formula tex={f.latex(kernel.params)} text={f.text(kernel.params)} />
      </div>
      {f.params
        .filter((spec) => spec.place === place)
        .map((spec) => (
          <ParamControl
            key={spec.key}
            spec={spec}
            value={kernel.params[spec.key]}
            context={name}
            onChange={(v, c) => setKernelParam(position, spec.key, v, c)}
            onCommit={commit}
            onNeighbours={(values) =>
              prefetchProfiles(
                values.map((v) => ({ kernels: withKernelParam(useStore.getState().kernels, position, spec.key, v) })),
              )
            }
          />
        ))}
      <div className="kernel-actions" role="group" aria-label={`Arrange ${name}`}>
        <button
          type="button"
          onClick={() => moveKernel(position, -1)}
          disabled={position === 0}
          aria-label={`Move ${name} up`}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => moveKernel(position, 1)}
          disabled={position === count - 1}
          aria-label={`Move ${name} down`}
        >
          ↓
        </button>
        <button
          type="button"
          onClick={() => duplicateKernel(position)}
          disabled={count >= MAX_INSTANCES}
          aria-label={`Duplicate ${name}`}
        >
          Duplicate
        </button>
        <button
          type="button"
          onClick={() => removeKernel(position)}
          disabled={count <= 1}
          aria-label={`Remove ${name}`}
        >
          Remove
        </button>
      </div>
    </li>
  );
});

function AddKernel({ full }: { full: boolean }) {
  const [familyId, setFamilyId] = useState(FAMILIES[0].id);
  const addKernel = useStore((s) => s.addKernel);
  return (
    <div className="add-kernel">
      <label htmlFor="add-family">Add a kernel</label>
      <select id="add-family" value={familyId} onChange={(e) => setFamilyId(e.target.value)}>
        {FAMILIES.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => addKernel(familyId)} disabled={full}>
        Add
      </button>
      {full && <small className="help">At most {MAX_INSTANCES} kernels; remove one to add another.</small>}
    </div>
  );
}
