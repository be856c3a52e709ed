// Modules that ship no types usable here (docs/realdata.md "Which SVM").

// libsvm-js: the part used is declared in src/core/realdata/svm.ts (LibsvmClass).
declare module 'libsvm-js/wasm' {
  const libsvm: Promise<import('./core/realdata/svm').LibsvmClass>;
  export default libsvm;
}
declare module 'libsvm-js/out/wasm/libsvm.js' {
  /** the Emscripten module; load() resolves once its WebAssembly is compiled */
  const libsvm: { load(): Promise<void> };
  export default libsvm;
}
declare module 'libsvm-js/src/loadSVM.js' {
  const loadSVM: (libsvm: unknown) => import('./core/realdata/svm').LibsvmClass;
  export default loadSVM;
}

// comlink's Node adapter is typed as node-adapter.d.ts, which TypeScript does not pair with the .mjs file
// that Node must be given.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
