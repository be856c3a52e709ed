import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

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

/**
 * Offline and installable (README "Offline and install"): a Workbox service worker generated at build time
 * precaches the whole build — the page, its scripts and styles, the worker bundles, LIBSVM's wasm, KaTeX's
 * woff2 fonts, the icons — so that after the first visit the app opens and computes without a network. The
 * shipped data sets (public/data/uci90, 28 MB) are not precached: each is cached when the real-data worker
 * first fetches it, network first, so a data set opened once opens offline and an online visit always gets
 * the build's own copy. `registerType: 'prompt'`: a new build waits until the user accepts the "update
 * available" notice (src/ui/app/serviceWorker.ts), so no open lecture changes under the lecturer; the
 * first install claims the open page at once, so the data it opens is cached too. Relative `start_url` and
 * `scope` keep the build working from any sub-path. The dev server registers no service worker.
 */
const pwa = () =>
  VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    // the icons are precached by globPatterns below (listing them here too would list them twice)
    includeManifestIcons: false,
    manifest: {
      name: 'NTK–Laplace Explorer',
      short_name: 'NTK–Laplace',
      description: 'Interactive explorer: the ReLU neural tangent kernel and the Laplace kernel on the sphere.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#0b5cad',
      background_color: '#ffffff',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // KaTeX ships woff2, woff and ttf of each font; browsers that run this app only ever fetch woff2
      globPatterns: ['**/*.{html,js,css,wasm,woff2,png,svg}'],
      globIgnores: ['data/**'],
      // a file above this limit would be left out of the precache with only a build warning; the largest
      // today are the main bundle (0.46 MB), KaTeX (0.26 MB), the compute worker (0.18 MB) and LIBSVM's wasm
      // (0.09 MB), so 8 MiB leaves room to grow (tests/e2e/offline.test.ts checks the workers and wasm are in)
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/data\//],
      runtimeCaching: [
        {
          urlPattern: ({ url }) => /\/data\/uci90\/[^/]+\.json$/.test(url.pathname),
          handler: 'NetworkFirst',
          options: { cacheName: 'uci90-data', expiration: { maxEntries: 100 } },
        },
      ],
    },
  });

// BASE_PATH lets the static build live under any sub-path (README "Publishing"); './' works from any.
export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), contentSecurityPolicy(), pwa()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // no assets inlined as data: URIs (KaTeX's small fonts would need a font-src data: exception)
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
});
