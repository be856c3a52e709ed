/**
 * e2e global setup (runs once, in vitest's main process, only when e2e test files are selected):
 * production-builds the app with the project's vite.config.ts into a temporary directory (a
 * developer's ./dist is left alone), serves it with Vite's preview server on 127.0.0.1 and a free
 * port, and provides its URL to tests as `inject('baseURL')`. The teardown closes the server and
 * deletes the directory; everything runs in-process, so no child process can be left behind.
 *
 * It never throws: a build or server failure is provided as `inject('e2eSetupError')` and reported
 * by describeE2E as a failing test (a throw here would abort the whole run, unit tests included).
 * When e2e tests are off or Chromium is missing (see e2eMode in browser.ts), nothing is built.
 * Watch mode: the build happens once; restart vitest to test changed app code.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { e2eMode } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the preview server, ending in '/', or '' when e2e tests do not run. */
    baseURL: string;
    /** Why the app could not be built or served ('' when it was). */
    e2eSetupError: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide('baseURL', '');
  project.provide('e2eSetupError', '');

  const mode = e2eMode();
  console.log(`[e2e] ${mode.reason}`);
  if (!mode.run || !mode.chromiumFound) return async () => {};

  const root = project.config.root;
  const configFile = join(root, 'vite.config.ts');
  let outDir: string | undefined;
  let server: PreviewServer | undefined;

  const teardown = async () => {
    await server?.close();
    server = undefined;
    if (outDir) await rm(outDir, { recursive: true, force: true });
    outDir = undefined;
  };

  const started = performance.now();
  // vitest sets NODE_ENV=test, and Vite would then bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  const restoreNodeEnv = () => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  };
  try {
    outDir = await mkdtemp(join(tmpdir(), 'ntk-e2e-dist-'));
    process.env.NODE_ENV = 'production';
    await build({
      root,
      configFile,
      mode: 'production',
      logLevel: 'warn',
      clearScreen: false,
      build: { outDir, emptyOutDir: true },
    });
    restoreNodeEnv();
    server = await preview({
      root,
      configFile,
      logLevel: 'warn',
      clearScreen: false,
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const address = server.httpServer.address() as AddressInfo | null;
    if (!address || typeof address !== 'object') throw new Error('preview server has no address');
    const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${address.port}/`;
    project.provide('baseURL', url.endsWith('/') ? url : `${url}/`);
    console.log(`[e2e] app built and served at ${url} in ${Math.round(performance.now() - started)} ms`);
  } catch (err) {
    restoreNodeEnv();
    const message = err instanceof Error ? err.message : String(err);
    console.error(`[e2e] building or serving the app failed:\n${err instanceof Error ? err.stack : message}`);
    project.provide('e2eSetupError', `building or serving the app failed: ${message}`);
    await teardown().catch(() => {});
  }
  return teardown;
}
