// Vite config of the explorer: builds to web/dist (served by `fupin serve`); in `vite dev` the API is
// proxied to a running `fupin serve` on 127.0.0.1:5173 (so run the dev server on another port).
import { defineConfig } from 'vite';

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:5173' } },
  preview: { port: 5174 },
});
