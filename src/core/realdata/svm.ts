/**
 * The C-SVM of the protocol (docs/realdata.md §2 and "Which SVM"): LIBSVM 3.22's C-SVC with a precomputed
 * kernel, compiled to WebAssembly by libsvm-js. This adapter talks to the compiled module directly (the
 * functions libsvm-js exports from its js-interfaces.c) rather than through libsvm-js's SVM class, so that a
 * configuration's training problem and test rows are copied into the module once and reused for all seven
 * costs. Tolerance 1e−3, shrinking, no class weights, no probabilities: LIBSVM's defaults, written out in
 * the command so that they cannot drift.
 *
 * Class order: LIBSVM orders the classes by their first appearance in the training rows, scikit-learn
 * ascending; the one-vs-one pairs and the vote's tie rule ("ties to the lower class") follow that order. The
 * training rows are therefore handed over stably sorted by class, which makes the two orders one.
 */

/** The compiled module as libsvm-js builds it (Emscripten; `load()` resolves once it is ready). */
export interface LibsvmModule {
  /** where LIBSVM's standard error goes */
  printErr?: (text: string) => void;
  load(): Promise<void>;
  cwrap(
    name: string,
    returns: 'number' | null,
    args: ('number' | 'string')[],
  ): (...args: (number | string)[]) => number;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  /** replaced when the module's memory grows: read it again after every allocation */
  HEAPF64: Float64Array;
}

/** Accuracies of C-SVMs trained on `train` and tested on `test`, one per cost, with a precomputed kernel. */
export interface SvmAccuracies {
  (
    K: Float64Array,
    n: number,
    y: Int32Array,
    train: readonly number[],
    test: readonly number[],
    costs: readonly number[],
  ): number[];
  /**
   * How many times so far LIBSVM's solver stopped at its iteration limit, max(10⁷, 100·l), with its warning
   * "reaching max number of iterations" (once per pair of classes of a fit that hits it; scikit-learn's copy
   * has no limit, so such a fit may end elsewhere there).
   */
  iterationLimitHits?(): number;
}

/** Training rows stably sorted by class (see the header). */
export function classOrdered(train: readonly number[], y: Int32Array): number[] {
  return train
    .map((row, at) => ({ row, at }))
    .sort((p, q) => y[p.row] - y[q.row] || p.at - q.at)
    .map((p) => p.row);
}

/** LIBSVM's command line for a C-SVC with a precomputed kernel (`-t 4`) at cost C. */
const command = (cost: number) => `-s 0 -t 4 -c ${cost} -e 0.001 -h 1 -b 0 -q 1`;

export function libsvmAccuracies(module: LibsvmModule): SvmAccuracies {
  const createProblem = module.cwrap('create_svm_nodes', 'number', ['number', 'number']);
  const addInstance = module.cwrap('add_instance', null, ['number', 'number', 'number', 'number', 'number']);
  const freeProblem = module.cwrap('free_problem', null, ['number']);
  const train = module.cwrap('libsvm_train_problem', 'number', ['number', 'string']);
  const predictOne = module.cwrap('libsvm_predict_one', 'number', ['number', 'number', 'number']);
  const freeModel = module.cwrap('svm_free_model', null, ['number']);
  // LIBSVM writes its one warning to standard error: counted, not printed
  let limitHits = 0;
  module.printErr = (text) => {
    if (/max number of iterations/.test(text)) limitHits++;
  };

  const accuracies: SvmAccuracies = (K, n, y, trainRows, test, costs) => {
    const rows = classOrdered(trainRows, y);
    const t = rows.length;
    const width = t + 1;
    // LIBSVM's precomputed format: a training row is [serial (1-based), K(x_i, x_1), …, K(x_i, x_t)];
    // a test row [any, K(x, x_1), …] (the serial is only read from training rows).
    const writeRow = (at: number, i: number, serial: number) => {
      const heap = module.HEAPF64;
      const o = at / 8;
      heap[o] = serial;
      for (let b = 0; b < t; b++) heap[o + 1 + b] = K[i * n + rows[b]];
    };
    const problem = createProblem(t, width);
    const row = module._malloc(8 * width);
    const probes = module._malloc(8 * width * Math.max(1, test.length));
    try {
      // Emscripten's malloc answers 0 when the module's memory cannot grow any further
      if (problem === 0 || row === 0 || probes === 0)
        throw new Error(`LIBSVM ran out of memory for ${t} training rows; close other tabs or use fewer workers`);
      for (let a = 0; a < t; a++) {
        writeRow(row, rows[a], a + 1);
        addInstance(problem, row, width, y[rows[a]], a);
      }
      for (let k = 0; k < test.length; k++) writeRow(probes + 8 * width * k, test[k], 0);
      return costs.map((cost) => {
        const model = train(problem, command(cost));
        try {
          let correct = 0;
          for (let k = 0; k < test.length; k++) {
            if (predictOne(model, probes + 8 * width * k, width) === y[test[k]]) correct++;
          }
          return correct / test.length;
        } finally {
          freeModel(model);
        }
      });
    } finally {
      if (probes !== 0) module._free(probes);
      if (row !== 0) module._free(row);
      if (problem !== 0) freeProblem(problem);
    }
  };
  accuracies.iterationLimitHits = () => limitHits;
  return accuracies;
}
