import type { FastifyInstance } from 'fastify';
import { VERSION } from '../core/version';

/** GET /api/health (docs/INTERFACE.md) and GET /api/kiosk: what the UI needs to draw itself. */
export default async function healthRoutes(app: FastifyInstance) {
  app.get('/api/health', async () => {
    const devices = Object.fromEntries(app.deviceList().map((d) => [d.name, d.status()]));
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
    };
  });
}
