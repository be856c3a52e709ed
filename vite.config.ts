import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Content-Security-Policy of the built app: scripts, workers, styles and fonts from the app's own origin
 * only (and WebAssembly compiled by the page's own scripts: LIBSVM in the real-data workers, 'wasm-unsafe-eval');
 * images also from blob:/data: (PNG exports, heatmaps inside exported SVGs). Not applied to the dev
 * server, whose hot reloading needs inline scripts. KaTeX is rendered with `katex.render` into elements,
 * so no inline-style exception is needed.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
  ],
});

// BASE_PATH lets the static build live under any sub-path (README "Publishing"); './' works from any.
export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // no assets inlined as data: URIs (KaTeX's small fonts would need a font-src data: exception)
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
});
