/**
 * LIBSVM (libsvm-js) in Node, for the headless worker and the tests. Its Node build resolves to the SVM
 * class once its WebAssembly is compiled. Its loader tries fetch() first when there is one (Node ≥ 18),
 * fails on a file path and says so on standard error before reading the file; without fetch it reads the
 * file directly, silently.
 */
import { createRequire } from 'node:module';
import type { LibsvmClass } from '../src/core/realdata/svm';

let loaded: Promise<LibsvmClass> | null = null;

export function libsvmForNode(): Promise<LibsvmClass> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const fetchBefore = globalThis.fetch;
  Reflect.deleteProperty(globalThis, 'fetch');
  try {
    loaded = require('libsvm-js/wasm') as Promise<LibsvmClass>;
  } finally {
    globalThis.fetch = fetchBefore;
  }
  return loaded;
}
