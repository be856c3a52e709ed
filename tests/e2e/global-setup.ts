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
import type { TestProject } from 'vitest/node';
import { buildAndServe, type ServedBuild } from '../../bench/serve.ts';
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

  let served: ServedBuild | undefined;
  const teardown = async () => {
    await served?.close();
    served = undefined;
  };
  const started = performance.now();
  try {
    served = await buildAndServe();
    project.provide('baseURL', served.baseURL);
    console.log(`[e2e] app built and served at ${served.baseURL} in ${Math.round(performance.now() - started)} ms`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`[e2e] building or serving the app failed:\n${err instanceof Error ? err.stack : message}`);
    project.provide('e2eSetupError', `building or serving the app failed: ${message}`);
  }
  return teardown;
}
