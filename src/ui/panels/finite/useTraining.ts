/**
 * The training view's data (docs/finite.md §5.3), computed in the `training` worker lane. A newer request
 * stops the running one in the worker (the stale training ends, not just its result); progress is reported.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type TrainingRequest, type TrainingView, trainingRequest } from '../../../core/finite/training';
import { readIntegers, readPoints } from '../../../link';
import { useStore } from '../../../state/store';
import type { Timed } from '../../../workerClient/api';
import { callWorker } from '../../../workerClient/client';
import { laneProgress, useProgress } from '../../compute/progress';
import { computation, useComputation } from '../../compute/useComputation';

/** Animation frames after step 0 (the Play button shows the networks at these steps). */
export const TRAINING_FRAMES = 12;

export type TrainingData = TrainingView & Timed;

const progressSource = laneProgress('training', (worker, report) => worker.onTrainingProgress(report));

// null: stopped in the worker by a newer request, whose own result follows
const trainingView = computation((req: TrainingRequest) => callWorker('training', (w) => w.training(req)));

/** The request of the current state: null without an NTK instance in the kernel list. */
export function useTrainingRequest(): TrainingRequest | null {
  const s = useStore(
    useShallow((st) => ({
      kernels: st.kernels,
      pts: st.pts,
      widths: st.widths,
      eta: st.eta,
      steps: st.steps,
      seed: st.seed,
    })),
  );
  return useMemo(
    () => trainingRequest({ ...s, points: readPoints(s.pts), widths: readIntegers(s.widths) }, TRAINING_FRAMES),
    [s],
  );
}

export function useTraining(request: TrainingRequest | null) {
  const progress = useProgress(progressSource, JSON.stringify(request));
  const state = useComputation(trainingView, request, {
    failure: 'The networks could not be trained',
    onScreen: true,
  });
  return { ...state, progress };
}
