/**
 * The C-SVM of the protocol (docs/realdata.md §2): LIBSVM's C-SVC with a precomputed kernel, through
 * libsvm-js (LIBSVM 3.22 compiled to WebAssembly; docs/realdata.md "Which SVM"). Tolerance 1e−3, shrinking,
 * no class weights, no probabilities: libsvm-js's defaults, stated anyway so that they cannot drift.
 *
 * Class order: LIBSVM orders the classes by their first appearance in the training rows, scikit-learn
 * ascending; the one-vs-one pairs and the vote's tie rule ("ties to the lower class") follow that order. The
 * training rows are therefore handed over stably sorted by class, which makes the two orders one.
 */

/** The part of libsvm-js's SVM class used here (the package ships no types). */
export interface LibsvmModel {
  train(samples: Float64Array[], labels: ArrayLike<number>): void;
  predictOne(sample: Float64Array): number;
  free(): void;
}
export interface LibsvmClass {
  new (options: Record<string, unknown>): LibsvmModel;
  SVM_TYPES: { C_SVC: string };
  KERNEL_TYPES: { PRECOMPUTED: string };
}

/** Accuracies of C-SVMs trained on `train` and tested on `test`, one per cost, with a precomputed kernel. */
export type SvmAccuracies = (
  K: Float64Array,
  n: number,
  y: Int32Array,
  train: readonly number[],
  test: readonly number[],
  costs: readonly number[],
) => number[];

/** Training rows stably sorted by class (see the header). */
export function classOrdered(train: readonly number[], y: Int32Array): number[] {
  return train
    .map((row, at) => ({ row, at }))
    .sort((p, q) => y[p.row] - y[q.row] || p.at - q.at)
    .map((p) => p.row);
}

export function libsvmAccuracies(SVM: LibsvmClass): SvmAccuracies {
  return (K, n, y, train, test, costs) => {
    const rows = classOrdered(train, y);
    const t = rows.length;
    // LIBSVM's precomputed format: a training row is [serial (1-based), K(x_i, x_1), …, K(x_i, x_t)];
    // a test row [any, K(x, x_1), …] (the serial is only read from training rows).
    const kernelRow = (i: number, serial: number) => {
      const out = new Float64Array(t + 1);
      out[0] = serial;
      for (let b = 0; b < t; b++) out[b + 1] = K[i * n + rows[b]];
      return out;
    };
    const samples = rows.map((i, a) => kernelRow(i, a + 1));
    const labels = rows.map((i) => y[i]);
    const probes = test.map((i) => kernelRow(i, 0));
    return costs.map((cost) => {
      const svm = new SVM({
        type: SVM.SVM_TYPES.C_SVC,
        kernel: SVM.KERNEL_TYPES.PRECOMPUTED,
        cost,
        tolerance: 1e-3,
        shrinking: true,
        probabilityEstimates: false,
        quiet: true,
      });
      try {
        svm.train(samples, labels);
        let correct = 0;
        for (let b = 0; b < probes.length; b++) if (svm.predictOne(probes[b]) === y[test[b]]) correct++;
        return correct / test.length;
      } finally {
        svm.free();
      }
    });
  };
}
