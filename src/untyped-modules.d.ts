// Modules that ship no types usable here (docs/realdata.md "Which SVM").

// libsvm-js's compiled module: the part used is declared in src/core/realdata/svm.ts (LibsvmModule).
declare module 'libsvm-js/out/wasm/libsvm.js' {
  const libsvm: import('./core/realdata/svm').LibsvmModule;
  export default libsvm;
}
// comlink's Node adapter is typed as node-adapter.d.ts, which TypeScript does not pair with the .mjs file
// that Node must be given.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
