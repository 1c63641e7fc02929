import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import type { Clock } from '../../device-daemon/src/core/clock';
import { testPinHash } from './maintenance-helpers';

/** The daemon with a scanner (and optionally the simulated printer) in a throwaway data folder. */
export interface ScanApp {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

export async function startScanApp(
  opts: { devices?: Record<string, unknown>; scan?: Record<string, unknown>; store?: Record<string, unknown>; clock?: Clock } = {},
): Promise<ScanApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-scan-'));
  const raw = {
    hall: { name: '潮安区政务服务中心' },
    devices: opts.devices ?? { scanner: { driver: 'simulated' } },
    store: opts.store ?? { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') },
    scan: { resolution: 100, ...opts.scan },
    maintenance: { pinHash: await testPinHash() },
    log: { level: 'silent' },
  };
  // buildApp exposes the app's decorations (app.scan for retention sweeps) to the test.
  const app = buildApp({ config: parseConfig(raw, dataDir), ...(opts.clock ? { clock: opts.clock } : {}) }, { logger: false });
  await app.ready();
  return {
    app,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Json = Record<string, any>;

export async function call(app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json() : {}) as Json };
}

/** Starts a scan of one page and waits (bounded) until its job has ended; returns the final job. */
export async function scanPage(app: FastifyInstance, id: string, materialId: string, replacePageId?: string): Promise<Json> {
  const started = await call(app, 'POST', `/api/scan/submissions/${id}/pages`, { materialId, ...(replacePageId ? { replacePageId } : {}) });
  if (started.status !== 202) throw new Error(`scan did not start: ${JSON.stringify(started.body)}`);
  for (let i = 0; i < 300; i++) {
    const { body } = await call(app, 'GET', `/api/scan/submissions/${id}`);
    const job = body.submission.job;
    if (job && job.id === started.body.job.id && (job.state === 'done' || job.state === 'failed')) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('scan job did not end within 15 s');
}

/** The PDF's text and page count, through poppler-utils (pdftotext, pdfinfo). */
export function pdfFacts(file: string): { text: string; pages: number } {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
}
