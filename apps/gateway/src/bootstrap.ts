import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import {
  ServiceMetrics,
  Tracing,
  checkNats,
  migrateWithLock,
  prepareDatabases,
  runWithServiceLogs,
  serviceLogger,
  withServiceLogs,
} from '@rasad/common';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MikroORM } from '@mikro-orm/postgresql';
import { AuthService } from './auth/auth.service';
import { GatewayEnv } from './gateway.env';
import { serveConsole } from './console/console-static';
import { GatewayModule } from './gateway.module';
import { csvOnSend } from './http/csv-lists.interceptor';
import { observeHttp } from './http/http-observability';
import { requestIdFor, requestIdOf } from './http/request-id.decorator';
import { trustedProxies } from './http/trusted-proxies';
import { refuseUnknownTypeOfUpload } from './imports/csv-upload';

export const API_PREFIX = 'api/v1';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const ROUTES = new WeakMap<NestFastifyApplication, RegisteredRoute[]>();

/** Every route Fastify registered, as it registered them: what the route-guard test walks. */
export function registeredRoutes(app: NestFastifyApplication): RegisteredRoute[] {
  return ROUTES.get(app) ?? [];
}

/** Builds the gateway: Fastify, `/api/v1`, OpenAPI at `/docs`, CSV bodies streamed through untouched. */
export async function createGateway(env: GatewayEnv): Promise<NestFastifyApplication> {
  // Its own logger for what it does outside a request, also when services share the process (withServiceLogs).
  const logger = serviceLogger('gateway', env);
  const app = await withServiceLogs(logger, () => buildGateway(env));
  return runWithServiceLogs(app, logger, ['listen', 'close']);
}

async function buildGateway(env: GatewayEnv): Promise<NestFastifyApplication> {
  await prepareDatabases(env, 'gateway');
  await checkNats(env.NATS_URL, { user: env.NATS_USER, pass: env.NATS_PASSWORD });
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_KB * 1024,
    trustProxy: trustedProxies(env.TRUST_PROXY),
    requestIdHeader: false,
    genReqId: requestIdFor,
    // A path that does not decode (`/districts/%zz`) fails in Fastify's router, before Nest's filter: same error shape.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      void reply.status(400).send({ code: 'HTTP.400', message: error.message, requestId: requestIdOf(request) });
    },
  });
  const routes: RegisteredRoute[] = [];
  adapter.getInstance().addHook('onRoute', ({ method, url }) => {
    for (const one of Array.isArray(method) ? method : [method]) {
      routes.push({ method: one, url });
    }
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(env), adapter, {
    bufferLogs: true,
  });
  ROUTES.set(app, routes);
  app.useLogger(app.get(Logger));
  await migrateWithLock(app.get(MikroORM), env, 'gateway');
  await app.get(AuthService).ensureFirstAdmin();
  app.enableShutdownHooks();
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });

  // The API answers JSON and the OpenAPI UI needs its inline scripts: the console's pages carry their own CSP.
  await app.register(helmet, { contentSecurityPolicy: false });
  const fastify = app.getHttpAdapter().getInstance();
  observeHttp(fastify, app.get(ServiceMetrics), app.get(Tracing));
  await serveConsole(fastify, env.CONSOLE_DIR);
  fastify.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));
  // A browser form: its parser only marks the request, the import route streams the one file from it. The limit is a
  // backstop above the import's own (IMPORT_MAX_MB, counted as the file streams), so that a file is refused, never cut.
  await app.register(multipart, { limits: { files: 1, fields: 20, fileSize: (env.IMPORT_MAX_MB + 1) * 1024 * 1024 } });
  fastify.addHook('onRequest', refuseUnknownTypeOfUpload(fastify));
  // onSend hooks finish before the handler's promise settles only when they are synchronous (callback style): with an
  // async one Fastify took the OpenAPI route's async handler for unanswered and sent again ("headers already sent").
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', requestIdOf(request));
    done(null, payload);
  });
  fastify.addHook('onSend', csvOnSend);

  const config = new DocumentBuilder()
    .setTitle('Rasad admin API')
    .setDescription(
      'Welfare and logistics of security forces on election duty. Times are ISO 8601 with an offset; ' +
        'errors are `{code, message, errors?, details?, requestId}`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
  return app;
}
