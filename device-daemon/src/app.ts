import fp from 'fastify-plugin';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { KioskConfig } from './config/schema';
import configPlugin from './config/plugin';
import eventsPlugin from './events/plugin';
import storePlugin from './store/plugin';
import devicesPlugin from './devices/plugin';
import healthRoutes from './plugins/health';
import hostGuard from './plugins/host-guard';
import compressPlugin from './plugins/compress';
import uiPlugin from './plugins/ui';
import queuePlugin from './queue/plugin';
import identityPlugin from './identity/plugin';
import countersPlugin from './counters/plugin';
import hallPlugin from './hall/plugin';
import maintenancePlugin from './maintenance/plugin';
import evaluationPlugin from './evaluation/plugin';
import scanPlugin from './scan/plugin';
import managePlugin from './manage/plugin';
import workordersPlugin from './workorders/plugin';
import reportsPlugin from './reports/plugin';
import staffPlugin from './staff/plugin';
import staffRoutes from './staff/routes';
import mattersPlugin from './matters/plugin';
import integrationPlugin from './integration/plugin';
import appointmentsPlugin from './appointments/plugin';
import staffAuthPlugin from './plugins/staff-auth';
import helpPlugin from './help/plugin';
import guidesPlugin from './guides/plugin';
import estimatePlugin from './estimate/plugin';
import { LogRing } from './maintenance/log-ring';
import type { SystemdEnvironment } from './maintenance/sd-notify';
import { clientErrorHandler, installErrorHandler, routerErrorHandler } from './core/error-handler';
import type { Db } from './store/db';
import type { Clock } from './core/clock';
import type { Voice } from './hall/voice';

export interface AppOptions {
  config: KioskConfig;
  /** Folder of the built UI; not served when absent. */
  uiDir?: string;
  /** A store opened by the caller (tests sharing one database); the app then does not close it. */
  store?: Db;
  /** The source of "now"; tests inject one to cross midnight. */
  clock?: Clock;
  /** Recent log lines for the technician's log tail; buildApp tees the log into it. */
  logRing?: LogRing;
  /** The voice engine (tests give one whose program is missing); by default espeak-ng in `ui.voice.language`. */
  voice?: Voice;
  /** systemd's notify socket and watchdog period, read from the environment by the host (server.ts). */
  systemd?: SystemdEnvironment;
}

/**
 * The kiosk daemon as one Fastify plugin: nothing here listens. `server.ts` hosts it for real;
 * tests build it with `buildApp` and call `inject()` or listen on an ephemeral port.
 */
export async function kioskApp(app: FastifyInstance, opts: AppOptions): Promise<void> {
  installErrorHandler(app);
  logNotableResponses(app);
  await app.register(configPlugin, { config: opts.config, clock: opts.clock });
  await app.register(eventsPlugin);
  // After the WebSocket plugin's own onRequest hook, so a refused handshake's socket is still closed by it.
  await app.register(hostGuard);
  // Before every route, so JSON answers and the UI are compressed for clients that accept it.
  await app.register(compressPlugin);
  await app.register(storePlugin, { store: opts.store });
  await app.register(devicesPlugin);
  await app.register(healthRoutes);
  await app.register(identityPlugin);
  await app.register(staffPlugin);
  await app.register(mattersPlugin);
  await app.register(queuePlugin);
  await app.register(countersPlugin);
  await app.register(hallPlugin, { voice: opts.voice });
  await app.register(staffRoutes);
  await app.register(maintenancePlugin, { logRing: opts.logRing, systemd: opts.systemd });
  await app.register(evaluationPlugin);
  await app.register(managePlugin);
  await app.register(workordersPlugin);
  await app.register(reportsPlugin);
  await app.register(staffAuthPlugin);
  await app.register(scanPlugin);
  await app.register(helpPlugin);
  await app.register(guidesPlugin);
  await app.register(integrationPlugin);
  await app.register(appointmentsPlugin);
  await app.register(estimatePlugin);
  if (opts.uiDir) await app.register(uiPlugin, { uiDir: opts.uiDir });
}

/** Requests slower than this are logged at warn: what a technician needs to see, without every request. */
export const SLOW_REQUEST_MS = 2000;

/**
 * One line per request only when it matters: 5xx at error, slow ones at warn, the rest at debug. The line
 * names the route pattern (`/api/queue/tickets/:id`), never the URL, so no id or text from a URL is logged.
 */
function logNotableResponses(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const ms = Math.round(reply.elapsedTime);
    const line = { method: request.method, route: request.routeOptions.url ?? '(no route)', status: reply.statusCode, ms };
    if (reply.statusCode >= 500) request.log.error(line, 'request failed');
    else if (ms >= SLOW_REQUEST_MS) request.log.warn(line, 'slow request');
    else request.log.debug(line, 'request');
  });
}

/** Pino paths that must never reach a log even if someone logs a whole object by mistake. */
export const REDACT = [
  'card', '*.card', 'idNumber', '*.idNumber', 'name', '*.fullName', 'fullName', 'req.headers.authorization',
  'req.headers.cookie', 'pin', '*.pin', 'phone', '*.phone',
];

export function buildApp(opts: AppOptions, fastifyOpts: FastifyServerOptions = {}): FastifyInstance {
  const logRing = opts.logRing ?? new LogRing();
  const app = Fastify({
    logger: fastifyOpts.logger ?? {
      level: opts.config.log.level,
      redact: { paths: REDACT, censor: '[redacted]' },
      stream: logRing.tee(process.stdout),
    },
    bodyLimit: 1024 * 1024,
    // No info line per request (29 MB in 10 minutes of load, and URLs may carry ticket ids or text):
    // failures and slow requests are logged by the hook in kioskApp, everything at debug.
    logController: new LogController({ disableRequestLogging: true }),
    // Refusals of Node's HTTP parser (431, malformed) in the documented error shape, not Fastify's.
    clientErrorHandler,
    frameworkErrors: routerErrorHandler,
    // Unknown fields are errors, not silently dropped; no type coercion of JSON bodies.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    ...fastifyOpts,
  });
  // Wrapped so the app's decorations (app.queue, app.devices, app.store...) are reachable from the host and tests.
  app.register(fp(kioskApp, { name: 'kiosk-app' }), { ...opts, logRing });
  return app;
}
