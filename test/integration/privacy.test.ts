import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { act, startIdApp, type IdApp } from './idcard-helpers';
import { EXPECTED_CARDS, fixedClock } from './idcard-cards';

/**
 * Personal data from ID cards stays in memory (issue 3, privacy): after reading cards of every type through
 * the app, issuing real-name tickets and provoking read errors, with the log at level trace, neither a full
 * ID number nor a full name may be found in the log, in any file under the data folder (SQLite WAL included),
 * or in any WebSocket message.
 */
const people = Object.values(EXPECTED_CARDS).map((c) => c.full);
/** A card the reader refuses (wrong check character): its data must not leak through the error path either. */
const refused = { name: '赵钱孙', idNumber: '440103199001011235' };

let k: IdApp;
let dataDir: string;
const log: Buffer[] = [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every way a string could sit in bytes: UTF-8 (JSON, SQLite text) and UTF-16LE (as on the card). */
function forms(text: string): Buffer[] {
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
}

function leaks(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const p of [...people, refused]) {
    for (const secret of [p.name, p.idNumber]) if (forms(secret).some((f) => bytes.includes(f))) found.push(secret.slice(0, 1));
  }
  return found;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-privacy-'));
  const stream = new PassThrough();
  stream.on('data', (d: Buffer) => log.push(Buffer.from(d)));
  k = await startIdApp({ clock: fixedClock(), logStream: stream, dataDir });
  for (const profile of Object.keys(EXPECTED_CARDS)) {
    const read = await act(k.waitFor('card.read'), () => k.http('POST', '/api/sim/idReader/card', { profile }));
    const res = await k.http('POST', '/api/queue/tickets', { categoryId: 'A', delivery: 'screen', identitySessionId: read.sessionId });
    expect(res.status).toBe(201);
    await act(k.waitFor('card.removed'), () => k.http('DELETE', '/api/sim/idReader/card'));
  }
  const custom = { ...refused, cardType: 'resident', gender: 'male', nationCode: '01', birthDate: '1990-01-01', validFrom: '2020-01-01', validTo: '2030-01-01' };
  await act(k.waitFor('reader.error', (m) => m.code === 'UNREADABLE_CARD'), () => k.http('POST', '/api/sim/idReader/card', { card: custom }));
  await k.http('DELETE', '/api/sim/idReader/card');
  await k.http('POST', '/api/sim/idReader/fault', { fault: 'read-failure' });
  await act(k.waitFor('reader.error'), () => k.http('POST', '/api/sim/idReader/card', { profile: 'resident' }));
  await k.http('POST', '/api/sim/idReader/fault', { fault: 'none' });
  await k.waitFor('card.read');
  await k.http('GET', '/api/health');
  await k.app.inject({ method: 'POST', url: '/api/maintenance/selftest' }).catch(() => undefined);
});

afterAll(async () => {
  await k?.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('privacy of ID card data', () => {
  it('the test really logged at trace and really read cards', () => {
    const text = Buffer.concat(log).toString('utf8');
    expect(k.app.log.level).toBe('trace');
    expect(text).toContain('"level":20');
    expect(text).toContain('ID card read');
    expect(k.messages.filter((m) => m.type === 'card.read').length).toBe(Object.keys(EXPECTED_CARDS).length + 1);
  });

  it('no full name or number in the log', () => {
    expect(leaks(Buffer.concat(log))).toEqual([]);
  });

  it('no full name or number in any WebSocket message', () => {
    expect(leaks(Buffer.from(k.raw.join('\n'), 'utf8'))).toEqual([]);
  });

  it('no full name or number in any file under the data folder, WAL included, while open and after close', async () => {
    const open = filesUnder(dataDir);
    expect(open.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const f of open) expect({ file: path.basename(f), leaks: leaks(readFileSync(f)) }).toEqual({ file: path.basename(f), leaks: [] });
    await k.close();
    for (const f of filesUnder(dataDir)) expect({ file: path.basename(f), leaks: leaks(readFileSync(f)) }).toEqual({ file: path.basename(f), leaks: [] });
  });
});
