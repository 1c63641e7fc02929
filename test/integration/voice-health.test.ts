import { afterEach, describe, expect, it } from 'vitest';
import { Voice } from '../../device-daemon/src/hall/voice';
import { voiceCheck } from '../../device-daemon/src/doctor/system-checks';
import { parseConfig } from '../../device-daemon/src/config/load';
import { login, removeDir, startDaemon, type Daemon } from './maintenance-helpers';

/**
 * Issue 11 #4: a kiosk without espeak-ng answered /api/voice with 503 and nobody was told. Now the start-up
 * check puts the cause on the technician's page, /api/kiosk tells the UI not to ask, the doctor fails with the
 * fix, and Cantonese is a configuration choice.
 */
let d: Daemon | undefined;
afterEach(async () => {
  await d?.app.close();
  if (d) removeDir(d.dataDir);
  d = undefined;
});

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('voice guidance health', () => {
  it('a missing engine shows on the technician page with its cause, and /api/kiosk says not to ask', async () => {
    d = await startDaemon({}, undefined, undefined, { voice: new Voice('/nonexistent/espeak-ng') });
    await d.app.ready();
    const auth = await login(d.app);
    const system = async () => (await d!.app.inject({ url: '/api/maintenance/system', headers: auth })).json();
    await until(async () => (await system()).voice?.available === false);
    expect((await system()).voice).toMatchObject({ engine: 'espeak-ng', language: 'cmn', available: false, reason: 'espeak-ng: ENOENT' });
    const kiosk = (await d.app.inject({ url: '/api/kiosk' })).json();
    expect(kiosk.voice).toEqual({ language: 'cmn', available: false });
    expect(JSON.stringify(kiosk)).not.toMatch(/ENOENT|nonexistent/);
  });

  it('speaks Cantonese when the configuration asks for it, and reports it healthy', async () => {
    d = await startDaemon({ ui: { voice: { language: 'yue' } } });
    await d.app.ready();
    const wav = await d.app.inject({ url: `/api/voice?text=${encodeURIComponent('请A001号到3号窗口办理')}` });
    expect(wav.statusCode).toBe(200);
    expect(wav.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
    const cmn = await new Voice('espeak-ng', 'cmn').speak('请A001号到3号窗口办理');
    expect(wav.rawPayload.equals(cmn)).toBe(false); // another voice, not Mandarin under another name
    expect((await d.app.inject({ url: '/api/kiosk' })).json().voice).toEqual({ language: 'yue', available: true });
  });

  it('the doctor synthesises a call, and fails with the package to install when the engine is missing', async () => {
    const config = parseConfig({ ui: { voice: { language: 'yue' } } }, '/tmp');
    const ok = await voiceCheck(config);
    expect(ok).toMatchObject({ id: 'system.voice', status: 'PASS' });
    const missing = await voiceCheck(config, '/nonexistent/espeak-ng');
    expect(missing.status).toBe('FAIL');
    expect(JSON.stringify(missing)).toMatch(/apt-get install espeak-ng/);
  });
});
