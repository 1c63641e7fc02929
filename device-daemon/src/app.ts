import fp from 'fastify-plugin';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { KioskConfig } from './config/schema';
import configPlugin from './config/plugin';
import eventsPlugin from './events/plugin';
import storePlugin from './store/plugin';
import devicesPlugin from './devices/plugin';
import healthRoutes from './plugins/health';
import uiPlugin from './plugins/ui';
import queuePlugin from './queue/plugin';
import identityPlugin from './identity/plugin';
import hallPlugin from './hall/plugin';
import maintenancePlugin from './maintenance/plugin';
import evaluationPlugin from './evaluation/plugin';
import scanPlugin from './scan/plugin';
import managePlugin from './manage/plugin';
import workordersPlugin from './workorders/plugin';
import staffPlugin from './staff/plugin';
import staffRoutes from './staff/routes';
import mattersPlugin from './matters/plugin';
import integrationPlugin from './integration/plugin';
import { LogRing } from './maintenance/log-ring';
import { installErrorHandler } from './core/error-handler';
import type { Db } from './store/db';
import type { Clock } from './core/clock';

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
}

/**
 * The kiosk daemon as one Fastify plugin: nothing here listens. `server.ts` hosts it for real;
 * tests build it with `buildApp` and call `inject()` or listen on an ephemeral port.
 */
export async function kioskApp(app: FastifyInstance, opts: AppOptions): Promise<void> {
  installErrorHandler(app);
  await app.register(configPlugin, { config: opts.config, clock: opts.clock });
  await app.register(eventsPlugin);
  await app.register(storePlugin, { store: opts.store });
  await app.register(devicesPlugin);
  await app.register(healthRoutes);
  await app.register(identityPlugin);
  await app.register(staffPlugin);
  await app.register(mattersPlugin);
  await app.register(queuePlugin);
  await app.register(hallPlugin);
  await app.register(staffRoutes);
  await app.register(maintenancePlugin, { logRing: opts.logRing });
  await app.register(evaluationPlugin);
  await app.register(managePlugin);
  await app.register(workordersPlugin);
  await app.register(scanPlugin);
  await app.register(integrationPlugin);
  if (opts.uiDir) await app.register(uiPlugin, { uiDir: opts.uiDir });
}

/** Pino paths that must never reach a log even if someone logs a whole object by mistake. */
export const REDACT = [
  'card', '*.card', 'idNumber', '*.idNumber', 'name', '*.fullName', 'fullName', 'req.headers.authorization',
  'req.headers.cookie', 'pin', '*.pin',
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
    // Unknown fields are errors, not silently dropped; no type coercion of JSON bodies.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    ...fastifyOpts,
  });
  // Wrapped so the app's decorations (app.queue, app.devices, app.store...) are reachable from the host and tests.
  app.register(fp(kioskApp, { name: 'kiosk-app' }), { ...opts, logRing });
  return app;
}
