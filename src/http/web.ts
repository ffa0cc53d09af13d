/**
 * The web app: the Vite build in web/dist served at `/`. Files are served as they are (hashed
 * assets cached for a year); any other path that is not under /api falls back to index.html so
 * the app's own router handles it. Without a build, `/` says how to make one.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Basemap } from './basemap.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** A file under root for this URL path, or null when there is none (or the path escapes root). */
export function staticFileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative === '' || relative.startsWith('..')) return null;
  const full = resolve(root, relative);
  if (!full.startsWith(resolve(root) + sep)) return null;
  try {
    return statSync(full).isFile() ? relative : null;
  } catch {
    return null;
  }
}

/** The page with the deployment's basemap in a <meta> the app reads (the CSP forbids inline scripts). */
export function withBasemap(html: string, basemap: Basemap): string {
  const attr = (v: string) =>
    v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const meta = `<meta name="truce-basemap" data-kind="${attr(basemap.kind)}" content="${attr(basemap.url)}">`;
  // A function, so that "$&" and the like in the URL are not read as replacement patterns.
  return html.includes('</head>') ? html.replace('</head>', () => `${meta}</head>`) : `${meta}${html}`;
}

export async function registerWeb(
  app: FastifyInstance,
  options: { root?: string; basemap?: Basemap | null } = {},
): Promise<void> {
  const root = options.root ?? WEB_DIST;
  const basemap = options.basemap ?? null;
  await app.register(fastifyStatic, { root, serve: false });
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
      if (!existsSync(join(root, 'index.html'))) {
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send(
            'The web app is not built: run `npm run build:web`, then reload.\nThe API is at /api/v1 (reference at /api/v1/docs).\n',
          );
      }
      const file = staticFileFor(root, path);
      if (file !== null && file !== 'index.html') {
        const hashed = file.startsWith(`assets${sep}`) || file.startsWith('assets/');
        return reply.sendFile(file, {
          cacheControl: true,
          maxAge: hashed ? 31_536_000_000 : 3_600_000,
          immutable: hashed,
        });
      }
      // A missing file is a 404, not the app.
      if (file === null && /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      // A route of the app, or /index.html itself: the shell, never cached, so a new build is
      // picked up at once.
      if (basemap === null)
        return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
      const html = withBasemap(await readFile(join(root, 'index.html'), 'utf8'), basemap);
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    },
  });
}
