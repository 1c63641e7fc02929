/**
 * The host: reads the environment, validates the configuration, adds logging and graceful shutdown, listens.
 * Everything else is the app plugin (app.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config/load';
import { ConfigError } from './config/config-error';
import { buildApp } from './app';
import type { KioskConfig } from './config/schema';

const EX_CONFIG = 78; // sysexits.h: configuration error

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function envConfig(): KioskConfig {
  return loadConfig({ file: process.env.KIOSK_CONFIG || undefined, dataDir: process.env.KIOSK_DATA_DIR || 'data' });
}

function envPort(): number {
  const raw = process.env.KIOSK_PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('KIOSK_PORT', raw, 'a port number from 0 to 65535');
  }
  return port;
}

export async function main(): Promise<void> {
  let config: KioskConfig;
  let port: number;
  try {
    config = envConfig();
    port = envPort();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(EX_CONFIG);
    }
    throw err;
  }
  const host = process.env.KIOSK_HOST || '127.0.0.1';
  // Without a configured public address, ticket QR codes point at the daemon's own address.
  config.hall.publicBaseUrl ??= `http://${host}:${port}`;
  const systemd = { NOTIFY_SOCKET: process.env.NOTIFY_SOCKET, WATCHDOG_USEC: process.env.WATCHDOG_USEC };
  const app = buildApp({ config, uiDir: path.join(root, 'kiosk-ui/dist'), systemd });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing: devices, store');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.log.error({ err }, 'close failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  try {
    await app.listen({ port, host });
  } catch (err) {
    // A configuration problem found while starting (the 事项目录 file `matters` names is read then): one line, 78.
    if (err instanceof ConfigError) {
      await app.close().catch(() => undefined);
      process.stderr.write(`${err.message}\n`);
      process.exit(EX_CONFIG);
    }
    app.log.fatal({ err }, 'could not start');
    await app.close().catch(() => undefined);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
