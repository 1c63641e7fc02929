import { loadConfig } from '../config/load';
import type { KioskConfig } from '../config/schema';
import { ConfigError } from '../config/config-error';
import { fail, pass, warn, type Check } from './types';

/** Loads KIOSK_CONFIG (or --config) exactly as the daemon does, so a PASS here means the daemon will start. */
export function configCheck(file: string | undefined, dataDir: string): { check: Check; config?: KioskConfig } {
  const title = `configuration ${file ?? '(none: KIOSK_CONFIG not set)'}`;
  try {
    const config = loadConfig({ file, dataDir });
    const fitted = Object.entries(config.devices).map(([name, d]) => `${name}=${d!.driver}`);
    const summary = `valid; devices: ${fitted.join(', ') || 'none'}; store: ${config.store.driver}`;
    if (!file) {
      return {
        check: warn('config', title, `${summary} (every device simulated)`, 'copy deploy/kiosk.sample.json to /etc/kiosk/kiosk.json, edit it, and set KIOSK_CONFIG', { file: null, devices: fitted }),
        config,
      };
    }
    return { check: pass('config', title, summary, { file, devices: fitted }), config };
  } catch (err) {
    if (err instanceof ConfigError) {
      return { check: fail('config', title, err.message, `fix ${err.path || 'the file'} in ${file}; deploy/kiosk.sample.json shows every key`, { file, path: err.path }) };
    }
    throw err;
  }
}
