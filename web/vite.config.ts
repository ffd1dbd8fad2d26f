import { defineConfig } from 'vite';

// `vite build web` (root: this folder). The dashboard: plain TypeScript and uPlot, built to web/dist, which `dyad serve` serves. In development,
// `npx vite web` proxies /api to a `dyad serve` on the default port.
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
