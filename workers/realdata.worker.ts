/**
 * The real-data worker: adapts src/realdata/workerBody.ts to comlink in the browser. No math lives here.
 */
// first: where libsvm-js finds its WebAssembly (docs/realdata.md "Which SVM")
import { fetchAnything } from './libsvmLocation';
import { expose } from 'comlink';
import libsvmModule from 'libsvm-js/out/wasm/libsvm.js';
import { datasetFromJson } from '../src/core/realdata/dataset';
import { libsvmAccuracies } from '../src/core/realdata/svm';
import { realdataWorkerApi } from '../src/realdata/workerBody';

// (not resolved with the module itself: an Emscripten module has a `then` and would be taken for a promise)
const libsvm = libsvmModule.load().then(() => libsvmAccuracies(libsvmModule));

async function readShipped(location: string) {
  const response = await fetchAnything(location);
  if (!response.ok) throw new Error(`could not load ${location} (HTTP ${response.status})`);
  return datasetFromJson(await response.json());
}

expose(realdataWorkerApi(libsvm, readShipped));
