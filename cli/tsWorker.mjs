// Starts a TypeScript worker thread: Node's workers do not inherit tsx's loader from `npm run figure`, so
// this plain-JS entry registers it and then imports the TypeScript module named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
