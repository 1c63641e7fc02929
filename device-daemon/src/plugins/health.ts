import type { FastifyInstance } from 'fastify';
import { VERSION } from '../core/version';
import { publicText } from '../core/public-text';
import type { DeviceStatus } from '../devices/core/device';

/**
 * What anyone on the hall network may see of a device: state, plain reasons and error codes. The transport
 * (device paths, the data folder), error messages and health texts are for the technician's
 * /api/maintenance/devices.
 */
function publicStatus(d: DeviceStatus) {
  return {
    name: d.name,
    driver: d.driver,
    simulated: d.simulated,
    state: d.state,
    since: d.since,
    ...(d.reason ? { reason: publicText(d.reason) } : {}),
    detail: d.detail,
    statistics: d.statistics,
    recentErrors: d.recentErrors.map((e) => ({ at: e.at, code: e.code, ...(e.locus ? { locus: e.locus } : {}) })),
    ...(d.lastHealth ? { lastHealth: { level: d.lastHealth.level, ok: d.lastHealth.ok, at: d.lastHealth.at } } : {}),
  };
}

/** GET /api/health (docs/INTERFACE.md) and GET /api/kiosk: what the UI needs to draw itself. */
export default async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', async () => {
    const devices = Object.fromEntries(app.deviceList().map((d) => [d.name, publicStatus(d.status())]));
    const healthy = Object.values(devices).every((d) => d.state === 'idle' || d.state === 'busy');
    // ui: heartbeat watchdog of the kiosk page (maintenance/watchdog.ts); reported, it does not degrade status.
    const ui = app.uiWatchdog?.status();
    return { status: healthy ? 'ok' : 'degraded', version: VERSION, store: app.store.dialect, devices, ...(ui ? { ui } : {}) };
  });

  app.get('/api/kiosk', async () => {
    const { hall, ui } = app.config;
    const fitted = Object.fromEntries(app.deviceList().map((d) => [d.name, { simulated: d.simulated, state: d.state }]));
    return {
      version: VERSION,
      hall: { name: hall.name, timezone: hall.timezone, kioskId: hall.kioskId },
      ui,
      devices: fitted,
      // Whether the daemon can speak (the UI then uses /api/voice; never requests it to see a 503 in the console).
      voice: app.voice ? { language: app.voice.language, available: app.voice.status().available !== false } : { language: ui.voice.language, available: false },
    };
  });
}
