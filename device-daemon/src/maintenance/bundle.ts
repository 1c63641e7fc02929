import type { FastifyInstance } from 'fastify';
import type { KioskConfig } from '../config/schema';
import type { LogRing } from './log-ring';
import { redactDeep } from './redact';
import { systemFacts } from './system-facts';

export const BUNDLE_FORMAT = 'kiosk-diagnostic-bundle/1';

/** The configuration without secrets: the PIN hash and passwords in URLs never leave the kiosk. */
export function safeConfig(config: KioskConfig): Record<string, unknown> {
  const copy = structuredClone(config) as unknown as Record<string, unknown> & {
    maintenance?: { pinHash?: string };
    store: { driver: string; url?: string };
    evaluation?: { upstream?: { url?: string } };
  };
  if (copy.maintenance?.pinHash) copy.maintenance.pinHash = '[set]';
  if (copy.store.url) copy.store.url = hidePassword(copy.store.url);
  if (copy.evaluation?.upstream?.url) copy.evaluation.upstream.url = hidePassword(copy.evaluation.upstream.url);
  return copy;
}

function hidePassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '[unparsable URL]';
  }
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
