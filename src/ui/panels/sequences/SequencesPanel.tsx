/**
 * The "Sequences" view (docs/rntk.md "In the app"): the recurrent NTK of a few scalar sequences — the sequences
 * (end-aligned, editable and drawable), their Gram matrix, the normalized kernel of the chosen sequence against
 * each beside finite RNNs' empirical values, and how the kernel weights the time steps for the current σ_w, σ_u,
 * σ_b and nonlinearity. The analytic part is one quick worker call; the finite RNNs run in their own lane with
 * progress and are stopped by a newer request.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type {
  SequencesFinite,
  SequencesFiniteRequest,
  SequencesRequest,
  SequencesResult,
} from '../../../core/views/sequencesView';
import { useStore } from '../../../state/store';
import type { Timed } from '../../../workerClient/api';
import { callWorker } from '../../../workerClient/client';
import { laneProgress, useProgress } from '../../compute/progress';
import { Panel } from '../../app/Panel';
import { computation, useComputation } from '../../compute/useComputation';
import { GlobalParam } from '../../controls/GlobalParam';
import { GramMatrix } from './GramMatrix';
import { KernelBars } from './KernelBars';
import { SequenceEditor } from './SequenceEditor';
import { SequencesChart } from './SequencesChart';
import { TimeWeights } from './TimeWeights';
import './sequences.css';

const progressSource = laneProgress('sequencesFinite', (worker, report) => worker.onSequencesProgress(report));

const analytic = computation((req: SequencesRequest) => callWorker('sequences', (w) => w.sequences(req)), {
  channel: 'coalesced',
});
// null: stopped in the worker by a newer request, whose own result follows
const finite = computation((req: SequencesFiniteRequest) =>
  callWorker('sequencesFinite', (w) => w.sequencesFinite(req)),
);

export function SequencesPanel() {
  const s = useStore(
    useShallow((st) => ({
      seqs: st.seqs,
      seed: st.seed,
      seq: st.seq,
      act: st.act,
      sw: st.sw,
      su: st.su,
      sb: st.sb,
      m: st.m,
      seeds: st.seeds,
    })),
  );
  const base = { seqs: s.seqs, seed: s.seed, seq: s.seq, act: s.act, sw: s.sw, su: s.su, sb: s.sb };
  const main = useComputation(analytic, { ...base, weights: 'chosen' } satisfies SequencesRequest, {
    failure: 'The recurrent NTK could not be computed',
    onScreen: true,
  });
  const finiteReq: SequencesFiniteRequest = { ...base, m: s.m, seeds: s.seeds };
  // the finite RNNs (up to seconds) wait for the controls to rest, so a slider drag does not restart them
  const networks = useComputation(finite, main.data ? finiteReq : null, {
    failure: 'The finite RNNs could not be computed',
    // requested only once the analytic part (which waits for the screen) is drawn
    delayMs: 250,
  });
  const progress = useProgress(progressSource, JSON.stringify(finiteReq));
  // finite values belong to the drawn analytic view only when both answer the same sequences and chosen one
  const finiteNow =
    networks.data && networks.request && sameSequences(networks.request, main.request) ? networks.data : null;
  return (
    <Panel
      id="sequences"
      title="Sequences: the recurrent NTK"
      busy={main.busy || networks.busy}
      progress={networks.busy ? progress : undefined}
      progressLabel="Finite RNNs progress"
      sectionRef={main.ref}
      className="sequences"
      computeMs={main.data?.computeMs}
      note={
        <>
          The recurrent neural tangent kernel (Alemohammad et al. 2021) is the NTK of an infinitely wide recurrent
          network h<sub>t</sub> = φ(σ<sub>w</sub>W h<sub>t−1</sub>/√m + σ<sub>u</sub>U x<sub>t</sub> + σ<sub>b</sub>b)
          read out at the last step. It compares sequences of different lengths directly: the recursion runs along the
          time steps aligned at the end (the last with the last), so the sequences here are drawn end-aligned. How far
          back it looks is decided by the per-step factor χ = σ<sub>w</sub>²·E[φ′(g)²]: below 1 the dependence on a step
          shrinks geometrically with its distance from the end (early steps are forgotten), above 1 it grows. For ReLU χ
          = σ<sub>w</sub>²/2, critical at σ<sub>w</sub> = √2. The bars compare the chosen sequence with each by the
          normalized kernel K(x, z)/√(K(x, x)K(z, z)), beside finite RNNs of width m (mean ± standard deviation over
          networks); the last chart is ∂K(x, x)/∂x<sub>t</sub> against the steps before the end.
        </>
      }
    >
      <SequencesControls />
      {main.data && main.request ? (
        <SequencesBody data={main.data} request={main.request} finite={finiteNow} finiteBusy={networks.busy} />
      ) : (
        <div className="chart-placeholder">Computing the recurrent NTK…</div>
      )}
    </Panel>
  );
}

const sameSequences = (a: SequencesFiniteRequest, b: SequencesRequest | null) =>
  b !== null &&
  a.seqs === b.seqs &&
  a.seed === b.seed &&
  a.seq === b.seq &&
  a.act === b.act &&
  a.sw === b.sw &&
  a.su === b.su &&
  a.sb === b.sb;

/** Memoized: it reads its own state, so a change elsewhere does not redraw it. */
const SequencesControls = memo(function SequencesControls() {
  return (
    <div className="panel-actions sequences-controls">
      <GlobalParam name="act" context="sequences" />
      <GlobalParam name="sw" context="sequences" />
      <GlobalParam name="su" context="sequences" />
      <GlobalParam name="sb" context="sequences" />
      <GlobalParam name="m" context="sequences (finite RNNs)" />
      <GlobalParam name="seeds" context="sequences (finite RNNs)" />
    </div>
  );
});

const SequencesBody = memo(function SequencesBody({
  data,
  request,
  finite,
  finiteBusy,
}: {
  data: SequencesResult & Timed;
  request: SequencesRequest;
  finite: (SequencesFinite & Timed) | null;
  finiteBusy: boolean;
}) {
  return (
    <>
      <SequenceEditor sequences={data.sequences} chosen={data.chosen} />
      <div className="chart-grid">
        <SequencesChart sequences={data.sequences} chosen={data.chosen} />
        <GramMatrix data={data} />
        <KernelBars data={data} finite={finite} finiteBusy={finiteBusy} />
        <TimeWeights data={data} act={request.act} sw={request.sw} />
      </div>
    </>
  );
});
