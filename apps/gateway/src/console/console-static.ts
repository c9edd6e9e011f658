import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { requestIdOf } from '../http/request-id.decorator';

/**
 * Only the console's own files: its scripts, styles and fonts come from this origin and nothing else may run, be
 * framed or be posted to. Styles set through the DOM (a bar's width) are not inline markup, so 'self' suffices.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

// A built file's hashed name; nothing that could climb out of the directory (`..`) or name another folder.
const ASSET = /^\/assets\/[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;

/**
 * Serves the built console (`npm run build` writes it to dist/console) under `/`: hashed files under /assets for a
 * year, and index.html for every other GET path that is not the API's, so that a reload of /briefings works. One
 * public route (`/*`); the API, /docs and /health are matched before it.
 */
export async function serveConsole(fastify: FastifyInstance, directory: string): Promise<void> {
  const root = resolve(directory);
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await fastify.register(fastifyStatic, { root, serve: false, decorateReply: true });
  }
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/') || !built) {
      const message = built
        ? `Cannot GET ${path}`
        : 'The console is not built: run npm run build (it writes dist/console), then restart the gateway';
      return reply.status(404).send({ code: 'HTTP.404', message, requestId: requestIdOf(request) });
    }
    void reply.header('content-security-policy', CONSOLE_CSP);
    if (ASSET.test(path)) {
      return reply.sendFile(path.slice(1), { immutable: true, maxAge: '365d' });
    }
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
