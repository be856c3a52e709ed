/**
 * Production build of the app served by Vite's preview server on 127.0.0.1 and a free port, for the
 * benchmark, the soak test and the end-to-end tests. `close()` stops the server and removes the build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const configFile = join(root, 'vite.config.ts');

export interface ServedBuild {
  baseURL: string;
  distDir: string;
  close(): Promise<void>;
}

export async function buildAndServe(): Promise<ServedBuild> {
  const distDir = mkdtempSync(join(tmpdir(), 'ntk-bench-dist-'));
  // Ctrl-C: playwright kills Chromium itself; remove the build and go.
  process.once('SIGINT', () => {
    rmSync(distDir, { recursive: true, force: true });
    process.exit(130);
  });
  // vitest sets NODE_ENV=test, and Vite would then bundle React's development build
  const nodeEnv = process.env.NODE_ENV;
  try {
    process.env.NODE_ENV = 'production';
    const t = performance.now();
    await build({
      root,
      configFile,
      mode: 'production',
      logLevel: 'warn',
      clearScreen: false,
      build: { outDir: distDir, emptyOutDir: true, manifest: true },
    });
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    console.log(`built (production) in ${Math.round(performance.now() - t)} ms`);
    const server = await preview({
      root,
      configFile,
      logLevel: 'warn',
      clearScreen: false,
      build: { outDir: distDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const { port } = server.httpServer.address() as AddressInfo;
    // resolvedUrls includes a BASE_PATH sub-path, if any
    const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
    return {
      baseURL: url.endsWith('/') ? url : `${url}/`,
      distDir,
      async close() {
        await server.close().catch(() => {});
        rmSync(distDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(distDir, { recursive: true, force: true });
    throw error;
  }
}
