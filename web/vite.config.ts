// The web app's build: `npm run build:web` writes web/dist, which `truce serve` serves at `/`.
// In development (`npm run dev:web`), /api is proxied to a `truce serve` on port 8080.
import { cpSync, createReadStream, existsSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The OCHA boundaries are data of the server (data/boundaries, read by app/map/admin-areas.ts);
 * the map draws the same files from /boundaries/. The build copies them into dist, and the
 * development server serves them from data/, so the server never reads the web app's folders.
 */
function boundaries(): Plugin {
  const source = join(import.meta.dirname, '../data/boundaries');
  let outDir = '';
  return {
    name: 'truce-boundaries',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/boundaries', (req, res, next) => {
        const file = normalize(join(source, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
        if (!file.startsWith(source) || !file.endsWith('.geojson') || !existsSync(file)) return next();
        res.setHeader('Content-Type', 'application/geo+json');
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      cpSync(source, join(outDir, 'boundaries'), {
        recursive: true,
        filter: (f) => !f.endsWith('.md') || f.endsWith('ATTRIBUTION.md'),
      });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), boundaries()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } } },
});
