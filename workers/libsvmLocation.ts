/**
 * libsvm-js fetches `libsvm.wasm` next to the script that loads it; in a bundled worker that file is one of
 * Vite's assets with a hashed name, so that one fetch is pointed at the asset's URL. Imported before
 * libsvm-js (imports run in order), so the patch is in place whenever libsvm-js starts its fetch.
 */
import wasmUrl from 'libsvm-js/out/wasm/libsvm.wasm?url';

/** The worker's own fetch, unpatched (for the data sets). */
export const fetchAnything = self.fetch.bind(self);

self.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  fetchAnything(String(input).endsWith('/libsvm.wasm') ? wasmUrl : input, init);
