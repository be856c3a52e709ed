/**
 * The headless real-data worker (a Node worker thread of `npm run -s figure -- … --panel realdata`): adapts
 * src/realdata/workerBody.ts to comlink over worker_threads. No math lives here.
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { datasetFromJson } from '../src/core/realdata/dataset';
import { realdataWorkerApi } from '../src/realdata/workerBody';
import { libsvmForNode } from './libsvmNode';

if (!parentPort) throw new Error('cli/realdataWorker.ts runs as a worker thread');

const readShipped = async (location: string) => datasetFromJson(JSON.parse(await readFile(location, 'utf8')));

expose(realdataWorkerApi(libsvmForNode(), readShipped), nodeEndpoint(parentPort));
