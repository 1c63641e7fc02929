import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error';
import { parseWith } from './explain';
import { kioskConfig, type KioskConfig } from './schema';
import { simulatedDevices } from '../devices/descriptors';

export interface LoadOptions {
  /** Path of a JSON file; undefined means "no configuration": every device simulated. */
  file?: string;
  dataDir?: string;
}

/** With no configuration file, every device is simulated (docs/INTERFACE.md). */
const SIMULATED_DEFAULTS = { devices: simulatedDevices };

/** Validates a configuration object; throws ConfigError naming the key, the value and what was expected. */
export function parseConfig(raw: unknown, dataDir = 'data'): KioskConfig {
  const parsed = parseWith(kioskConfig, raw);
  const resolvedDataDir = path.resolve(dataDir);
  if (parsed.store.driver === 'sqlite' && parsed.store.path !== ':memory:') {
    parsed.store.path = path.resolve(parsed.store.path ?? path.join(resolvedDataDir, 'kiosk.db'));
  }
  return { ...parsed, dataDir: resolvedDataDir };
}

export function loadConfig(opts: LoadOptions = {}): KioskConfig {
  const dataDir = opts.dataDir ?? 'data';
  if (!opts.file) return parseConfig(SIMULATED_DEFAULTS, dataDir);
  let text: string;
  try {
    text = readFileSync(opts.file, 'utf8');
  } catch (err) {
    throw new ConfigError('KIOSK_CONFIG', opts.file, `a readable file (${(err as NodeJS.ErrnoException).code})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('KIOSK_CONFIG', opts.file, `valid JSON (${(err as Error).message})`);
  }
  return parseConfig(raw, dataDir);
}
