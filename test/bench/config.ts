import { hashPin } from '../../device-daemon/src/core/auth/pin';
import { parseConfig } from '../../device-daemon/src/config/load';
import type { KioskConfig } from '../../device-daemon/src/config/schema';

let pinHash: Promise<string> | undefined;

/**
 * A benchmark daemon's configuration: the given JSON plus a fixed technician PIN, so no PIN is generated and
 * printed for every app a bench builds (hashed once per run).
 */
export async function benchConfig(raw: Record<string, unknown>, dataDir: string): Promise<KioskConfig> {
  pinHash ??= hashPin('135790');
  return parseConfig({ maintenance: { pinHash: await pinHash }, ...raw }, dataDir);
}
