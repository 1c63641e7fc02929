import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HealthResult } from '../devices/core/device';
import { LogRing } from './log-ring';
import { maintenanceMigrations } from './migrations';
import { announceGeneratedPin, resolvePin } from './pin-source';
import { MaintenanceService } from './service';
import { MaintenanceSessions, tokenOf } from './sessions';
import { technicianGuard } from '../core/guards';
import { StatisticsStore } from './statistics';
import { UiWatchdog } from './watchdog';
import { createSdNotifier, type SdNotifier, type SystemdEnvironment } from './sd-notify';
import maintenanceRoutes from './routes';

declare module 'fastify' {
  interface FastifyInstance {
    maintenance: MaintenanceService;
    /** Whether the kiosk page still sends heartbeats; /api/health reports it. */
    uiWatchdog: UiWatchdog;
    /** The onRequest hook of every technician route (maintenance, 好差评 export...): same origin, live session. */
    technicianGuard: (request: FastifyRequest) => Promise<void>;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    'maintenance.health': { device: string; result: HealthResult };
  }
}

export interface MaintenanceOptions {
  /** The ring the logger writes into (buildApp tees the log stream into it); an empty one when absent. */
  logRing?: LogRing;
  /** Console for the one-time generated PIN; stderr by default. */
  console?: (text: string) => void;
  /** systemd notifications; by default made from `systemd`. */
  sdNotifier?: SdNotifier;
  /** What the host read from the environment for systemd; none (no notifications) by default. */
  systemd?: SystemdEnvironment;
}

/**
 * The hall technician's tools: PIN login and sessions, device statistics persisted across restarts, self-tests,
 * log tail, system facts, diagnostic bundle, the UI watchdog and systemd readiness/watchdog pings.
 */
export default fp(
  async function maintenancePlugin(app: FastifyInstance, opts: MaintenanceOptions) {
    const cfg = app.config.maintenance;
    const pin = await resolvePin(cfg.pinHash, app.config.dataDir);
    announceGeneratedPin(pin, opts.console);
    app.log.info({ pinOrigin: pin.origin }, 'maintenance PIN ready');

    const sessions = new MaintenanceSessions(pin.hash, app.clock, cfg.sessionIdleSeconds * 1000, app.config.dataDir);
    const ring = opts.logRing ?? new LogRing();
    app.decorate('maintenance', new MaintenanceService(app, sessions, ring));
    app.decorate('technicianGuard', technicianGuard((request) => sessions.touch(tokenOf(request))));

    const watchdog = new UiWatchdog(app.clock, cfg.uiSilentSeconds);
    app.decorate('uiWatchdog', watchdog);
    const unsubscribe = app.events.subscribe((event) => {
      if (event.type === 'ui.heartbeat') watchdog.heartbeat();
    });

    // Statistics: restore before the devices open (onReady), save periodically and once more at close.
    await app.store.migrate('maintenance', maintenanceMigrations);
    const statistics = new StatisticsStore(app.store, app.config.hall.kioskId, app.clock);
    await statistics.restore(app.deviceList());
    const save = () =>
      statistics.save(app.deviceList()).catch((err: Error) => app.log.warn({ err: err.message }, 'saving device statistics failed'));
    const timer = setInterval(() => void save(), cfg.statisticsSaveSeconds * 1000);
    timer.unref();

    const notifier = opts.sdNotifier ?? createSdNotifier(opts.systemd ?? {});
    app.addHook('onListen', async () => {
      notifier.ready();
      notifier.startWatchdog(async () => (await app.store.query('SELECT 1 AS alive')).length === 1);
    });

    // onClose hooks run in reverse order of registration: this one runs before the devices and the store close.
    app.addHook('onClose', async () => {
      notifier.stop();
      clearInterval(timer);
      unsubscribe();
      await save();
    });

    await app.register(maintenanceRoutes, { prefix: '/api/maintenance' });
  },
  { name: 'maintenance', dependencies: ['config', 'store', 'events', 'devices'] },
);
