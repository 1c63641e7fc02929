import type { FastifyInstance } from 'fastify';
import type { KioskConfig } from '../config/schema';
import { redactSecrets } from '../config/secrets';
import type { LogRing } from './log-ring';
import { redactDeep } from './redact';
import { systemFacts } from './system-facts';

export const BUNDLE_FORMAT = 'kiosk-diagnostic-bundle/1';

/** The configuration without secrets: every key listed in config/secrets.ts is redacted. */
export function safeConfig(config: KioskConfig): Record<string, unknown> {
  return redactSecrets(config) as unknown as Record<string, unknown>;
}

/**
 * One JSON document a technician carries away for the vendor: system facts, configuration without secrets,
 * every device's status (state, statistics, recent errors, last health) and the log tail, all redacted again.
 */
export async function diagnosticBundle(app: FastifyInstance, startedAt: Date, ring: LogRing) {
  return redactDeep({
    format: BUNDLE_FORMAT,
    generatedAt: app.clock.now().toISOString(),
    system: await systemFacts(app, startedAt),
    ui: app.uiWatchdog.status(),
    config: safeConfig(app.config),
    devices: app.deviceList().map((d) => d.status()),
    log: ring.texts(),
  });
}
