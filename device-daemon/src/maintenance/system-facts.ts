import { statfs } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { VERSION } from '../core/version';

export interface SystemFacts {
  version: string;
  node: string;
  hostname: string;
  kioskId: string;
  hallName: string;
  uptimeSeconds: { daemon: number; system: number };
  disk: { path: string; freeBytes: number; totalBytes: number; freeRatio: number } | { path: string; error: string };
  store: { description: string; dialect: string; integrity: 'ok' | 'problems' | 'unknown'; problems: string[] };
  clock: { now: string; hallTimeZone: string; hallLocalTime: string; systemTimeZone: string; plausible: boolean };
}

/** The earliest year a sane clock can show: the software did not exist before. */
export const EARLIEST_PLAUSIBLE_YEAR = 2024;

/** Free space of the file system holding `dir` (or its nearest existing parent: the folder may not exist yet). */
export async function diskFacts(dir: string): Promise<SystemFacts['disk']> {
  try {
    let at = path.resolve(dir);
    while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
    const s = await statfs(at);
    const free = s.bavail * s.bsize;
    const total = s.blocks * s.bsize;
    return { path: dir, freeBytes: free, totalBytes: total, freeRatio: total > 0 ? Math.round((free / total) * 1000) / 1000 : 0 };
  } catch (err) {
    return { path: dir, error: (err as Error).message };
  }
}

export function clockFacts(now: Date, hallTimeZone: string): SystemFacts['clock'] {
  const hallLocalTime = new Intl.DateTimeFormat('sv-SE', {
    timeZone: hallTimeZone,
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(now);
  return {
    now: now.toISOString(),
    hallTimeZone,
    hallLocalTime,
    systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    plausible: now.getUTCFullYear() >= EARLIEST_PLAUSIBLE_YEAR && now.getUTCFullYear() < 2100,
  };
}

/** What the technician's "system" panel shows; nothing here is personal, nothing here changes anything. */
export async function systemFacts(app: FastifyInstance, startedAt: Date): Promise<SystemFacts> {
  let problems: string[];
  let integrity: SystemFacts['store']['integrity'] = 'unknown';
  try {
    problems = await app.store.integrityCheck();
    integrity = problems.length === 0 ? 'ok' : 'problems';
  } catch (err) {
    problems = [(err as Error).message];
  }
  const now = app.clock.now();
  return {
    version: VERSION,
    node: process.version,
    hostname: os.hostname(),
    kioskId: app.config.hall.kioskId,
    hallName: app.config.hall.name,
    uptimeSeconds: { daemon: Math.round((now.getTime() - startedAt.getTime()) / 1000), system: Math.round(os.uptime()) },
    disk: await diskFacts(app.config.dataDir),
    store: { description: app.store.description, dialect: app.store.dialect, integrity, problems: problems.slice(0, 20) },
    clock: clockFacts(now, app.config.hall.timezone),
  };
}
