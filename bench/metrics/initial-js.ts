/**
 * initial_js_gzip_kb: gzip size (node:zlib, level 9, each file compressed on its own; kB = 1000
 * bytes) of the JavaScript loaded before first paint: the scripts and modulepreloads that
 * dist/index.html lists, plus everything they import statically (transitively, per the build
 * manifest .vite/manifest.json, which bench/run.ts asks Vite to write). Lazy chunks (dynamic
 * `import()`) and worker files are excluded, and listed for information.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { MetricFn } from '../lib.ts';
import { round } from '../lib.ts';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

const gzipBytes = (buf: Buffer | string) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (bytes: number) => round(bytes / 1000, 2);

/** Values of `attr` on every `<tag ...>` whose attributes pass `keep`. */
function tagAttrs(html: string, tag: string, attr: string, keep: (tagText: string) => boolean): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'gi'))) {
    const text = m[0];
    const value = new RegExp(`\\s${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(text);
    const v = value?.[1] ?? value?.[2] ?? value?.[3];
    if (v && keep(text)) out.push(v);
  }
  return out;
}

/** dist-relative path of a URL in index.html (base './' or an absolute BASE_PATH). */
function toDistPath(url: string): string | undefined {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//') || url.startsWith('data:')) return undefined;
  const path = url.split(/[?#]/)[0]!.replace(/^\.\//, '');
  const assets = path.indexOf('assets/');
  return path.startsWith('/') ? (assets >= 0 ? path.slice(assets) : path.slice(1)) : path;
}

const initialJs: MetricFn = async ({ distDir, log }) => {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const manifest = JSON.parse(await readFile(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));

  // 1. what index.html loads: <script src> (not nomodule) and <link rel="modulepreload" href>
  const listed = [
    ...tagAttrs(html, 'script', 'src', (t) => !/\snomodule\b/i.test(t)),
    ...tagAttrs(html, 'link', 'href', (t) => /\srel\s*=\s*["']?modulepreload\b/i.test(t)),
  ];
  const external = listed.filter((u) => toDistPath(u) === undefined);
  if (external.length) log(`not counted (external): ${external.join(', ')}`);

  // 2. their static imports, transitively
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  for (const url of listed) {
    const file = toDistPath(url);
    if (!file) continue;
    const key = byFile.get(file);
    if (key) visit(key);
    else files.add(file); // a script the bundler did not emit (e.g. copied from public/)
  }

  // 3. inline scripts count too (usually none)
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1]!)
    .filter((s) => s.trim().length > 0);

  let raw = 0;
  let gz = 0;
  for (const file of [...files].sort()) {
    const buf = await readFile(join(distDir, file));
    const g = gzipBytes(buf);
    raw += buf.length;
    gz += g;
    log(`${file.padEnd(40)} ${String(kb(buf.length)).padStart(8)} kB raw ${String(kb(g)).padStart(8)} kB gzip`);
  }
  for (const s of inline) {
    const g = gzipBytes(s);
    raw += Buffer.byteLength(s);
    gz += g;
    log(
      `${'(inline script)'.padEnd(40)} ${String(kb(Buffer.byteLength(s))).padStart(8)} kB raw ${String(kb(g)).padStart(8)} kB gzip`,
    );
  }
  log(`initial JS: ${files.size + inline.length} file(s), ${kb(raw)} kB raw, ${kb(gz)} kB gzip -9`);

  // for information: JavaScript emitted but not loaded before first paint (lazy chunks, workers)
  const later: string[] = [];
  const walk = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.m?js$/.test(e.name) && !files.has(relative(distDir, p))) later.push(relative(distDir, p));
    }
  };
  await walk(join(distDir, 'assets'));
  for (const file of later.sort()) {
    const g = gzipBytes(await readFile(join(distDir, file)));
    log(`excluded (lazy chunk or worker): ${file} ${kb(g)} kB gzip`);
  }

  return { initial_js_gzip_kb: kb(gz) };
};

export default initialJs;
