/**
 * The real-data worker: adapts src/realdata/workerBody.ts to comlink in the browser. No math lives here.
 */
// first: where libsvm-js finds its WebAssembly (docs/realdata.md "Which SVM")
import { fetchAnything } from './libsvmLocation';
import { expose } from 'comlink';
import libsvmModule from 'libsvm-js/out/wasm/libsvm.js';
import loadSVM from 'libsvm-js/src/loadSVM.js';
import { datasetFromJson } from '../src/core/realdata/dataset';
import { realdataWorkerApi } from '../src/realdata/workerBody';

// libsvm-js/wasm exports a promise, which the bundler's CommonJS interop wraps in a plain object; its two
// parts are taken instead: the Emscripten module (with load()) and the function that builds the SVM class.
const libsvm = libsvmModule.load().then(() => loadSVM(libsvmModule));

async function readShipped(location: string) {
  const response = await fetchAnything(location);
  if (!response.ok) throw new Error(`could not load ${location} (HTTP ${response.status})`);
  return datasetFromJson(await response.json());
}

expose(realdataWorkerApi(libsvm, readShipped));
