/**
 * The HTTP server: Fastify with Zod schemas that validate requests and generate the OpenAPI
 * document, one error plugin, security headers, cookies, login rate limiting, the caller on
 * every request, and one routes file per resource under /api/v1.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.ts';
import { requireCaller } from '../app/caller.ts';
import { registerAuth } from './auth.ts';
import type { Basemap } from './basemap.ts';
import { registerErrorHandler } from './errors.ts';
import { clientErrorHandler, DEFAULT_TIMEOUTS, type Timeouts } from './slow-clients.ts';
import { API_ROUTES } from './routes/index.ts';
import { validatorCompiler } from './validation.ts';
import { registerWeb } from './web.ts';

export interface ServerOptions {
  ctx: AppContext;
  /** false (default, tests), true, or a pino level such as 'warn'. */
  logger?: boolean | string;
  /** Largest request body in bytes (attachments travel base64 in JSON). Default 8 MiB. */
  bodyLimit?: number;
  /**
   * Behind a TLS-terminating proxy: which proxies to believe about the client's address and
   * protocol (X-Forwarded-For, X-Forwarded-Proto). true: any; a number: that many hops; a string:
   * their addresses or CIDRs, comma-separated. A request that came over TLS gets a `Secure`
   * session cookie, HSTS and `upgrade-insecure-requests`; one over plain HTTP gets none of them.
   */
  trustProxy?: boolean | number | string;
  /** How long a client may take to send a request (see slow-clients.ts); tests shorten them. */
  timeouts?: Partial<Timeouts>;
  /** The deployment's map tiles, drawn under the boundaries (see basemap.ts). */
  basemap?: Basemap | null;
  /** Largest file an import takes (POST /imports), in bytes; 200 MiB by default. */
  importMaxBytes?: number;
}

export const API_PREFIX = '/api/v1';
const OPEN_API_ROUTES = new Set(
  ['/auth/login', '/auth/logout', '/auth/me', '/health', '/openapi.json'].map((path) => `${API_PREFIX}${path}`),
);

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: typeof options.logger === 'string' ? { level: options.logger } : (options.logger ?? false),
    bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024,
    // A number of hops, which Fastify's types do not take, as the function proxy-addr calls.
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false),
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    },
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  const tiles = options.basemap ? [options.basemap.origin] : [];
  // helmet's headers, computed once: @fastify/helmet builds the middleware (and parses the
  // content security policy) again for every request, a few per cent of the server's time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tiles],
        workerSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'", ...tiles],
        upgradeInsecureRequests: null,
      },
    },
    // Sent only to requests that came over TLS (below): over plain HTTP they would lock a browser
    // out of a deployment that has no TLS, or upgrade its requests to a port nobody listens on.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') {
      reply.raw.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
      const csp = reply.raw.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.raw.setHeader('content-security-policy', `${csp};upgrade-insecure-requests`);
    }
    // What the API answers is for the caller alone, classified records included: no cache, the
    // browser's disk included, keeps a copy.
    if (request.url.startsWith('/api/')) reply.raw.setHeader('cache-control', 'no-store');
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `too many attempts: try again in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Truce API',
        version: '1',
        description: 'Ceasefire monitoring: agreements, control, reports, incidents, findings, deconfliction, access.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'truce_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs` });
  registerAuth(app, options.ctx);
  // Strangers get 401 before anything else is looked at, a malformed request included, on every API route
  // but signing in and out, asking who is signed in (`{ signed_in: false }`), and the public documents.
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (url?.startsWith(`${API_PREFIX}/`) && !OPEN_API_ROUTES.has(url) && !url.startsWith(`${API_PREFIX}/docs`))
      requireCaller(request.caller);
  });

  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger());
  app.get(`${API_PREFIX}/health`, { schema: { hide: true } }, async () => ({
    ok: true,
    database: options.ctx.db.kind,
  }));
  for (const routes of API_ROUTES)
    await app.register(routes, {
      prefix: API_PREFIX,
      ctx: options.ctx,
      ...(options.importMaxBytes === undefined ? {} : { maxBytes: options.importMaxBytes }),
    });
  await registerWeb(app, { basemap: options.basemap ?? null });
  return app;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;
