/**
 * LIBSVM (libsvm-js's WebAssembly build) in Node, for the headless worker and the tests. The compiled
 * module's loader tries fetch() first when there is one (Node ≥ 18), fails on a file path and says so on
 * standard error before reading the file; without fetch it reads the file directly, silently.
 */
import { createRequire } from 'node:module';
import { libsvmAccuracies, type LibsvmModule, type SvmAccuracies } from '../src/core/realdata/svm';

let loaded: Promise<SvmAccuracies> | null = null;

/** The protocol's SVM on LIBSVM, once its WebAssembly is compiled. */
export function libsvmForNode(): Promise<SvmAccuracies> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const fetchBefore = globalThis.fetch;
  Reflect.deleteProperty(globalThis, 'fetch');
  try {
    const module = require('libsvm-js/out/wasm/libsvm.js') as LibsvmModule;
    // (not resolved with the module itself: an Emscripten module has a `then` and would be taken for a promise)
    loaded = module.load().then(() => libsvmAccuracies(module));
  } finally {
    globalThis.fetch = fetchBefore;
  }
  return loaded;
}
