import { createInterface } from 'node:readline';
import type { FastifyInstance } from 'fastify';
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

/**
 * A bench daemon process's life after it listens (bench-daemon.ts, idcard-daemon.ts): prints `port <n>`, hands
 * each line of stdin to `command`, and closes the app and exits when stdin closes (its parent went away) or
 * after 15 minutes whatever happens.
 */
export function serveCommands(app: FastifyInstance, command: (line: string) => void): void {
  console.log(`port ${(app.server.address() as { port: number }).port}`);
  const stop = async () => {
    await app.close().catch(() => undefined);
    process.exit(0);
  };
  setTimeout(() => void stop(), 15 * 60_000).unref();
  const lines = createInterface({ input: process.stdin });
  lines.on('line', command);
  lines.on('close', () => void stop());
}
