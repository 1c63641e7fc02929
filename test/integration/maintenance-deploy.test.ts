import { execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../device-daemon/src/config/load';
import { removeDir, startDaemon } from './maintenance-helpers';

/** The deployment kit: the sample configuration validates, the unit passes systemd's check, the launcher works. */
const root = path.resolve(import.meta.dirname, '../..');
const deploy = (p: string) => path.join(root, 'deploy', p);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('deploy/kiosk.sample.json', () => {
  it('validates, with every device real', () => {
    const config = parseConfig(JSON.parse(readFileSync(deploy('kiosk.sample.json'), 'utf8')), '/var/lib/kiosk');
    expect(Object.fromEntries(Object.entries(config.devices).map(([k, v]) => [k, v!.driver]))).toEqual({
      idReader: 'sam-serial',
      printer: 'escpos-serial',
      keypad: 'hid',
      scanner: 'sane',
    });
    expect(config.store).toEqual({ driver: 'sqlite', path: '/var/lib/kiosk/kiosk.db' });
  });
});

describe('deploy/systemd/kiosk-daemon.service', () => {
  const unit = readFileSync(deploy('systemd/kiosk-daemon.service'), 'utf8');

  it('restarts on failure, is watched, and runs the compiled daemon directly', async () => {
    for (const line of ['Type=notify', 'NotifyAccess=all', 'WatchdogSec=30', 'Restart=on-failure', 'RestartPreventExitStatus=78']) {
      expect(unit.split('\n')).toContain(line);
    }
    // The compiled daemon, as `npm run build` writes it (deploy/README.md runs the build before the service).
    const exec = /^ExecStart=\/usr\/bin\/node ((?:--\S+ )*)(\S+)$/m.exec(unit);
    const build = (await import(pathToFileURL(path.join(root, 'scripts/build-daemon.mjs')).href)) as { DAEMON_BUNDLE: string; DAEMON_NODE_FLAGS: string[] };
    expect(exec && path.join(root, exec[2]!)).toBe(build.DAEMON_BUNDLE);
    expect(exec![1]!.trim().split(' ')).toEqual(build.DAEMON_NODE_FLAGS);
    const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toContain('node scripts/build-daemon.mjs');
    expect(scripts.start).toBe(`node ${build.DAEMON_NODE_FLAGS.join(' ')} scripts/start.mjs`);
  });

  it('passes systemd-analyze verify without complaints about the file', async () => {
    const stderr = await new Promise<string>((resolve) =>
      execFile('systemd-analyze', ['verify', deploy('systemd/kiosk-daemon.service')], (_err, _out, err) => resolve(String(err))),
    );
    expect(stderr.split('\n').filter((l) => l.includes('kiosk-daemon.service'))).toEqual([]);
  });
});

describe('deploy/udev/99-kiosk.rules', () => {
  it('gives every matched device to group kiosk', () => {
    const rules = readFileSync(deploy('udev/99-kiosk.rules'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const rule of rules) expect(rule).toMatch(/GROUP="kiosk", MODE="0660"/);
    expect(rules.some((r) => r.includes('SUBSYSTEM=="hidraw"'))).toBe(true);
  });
});

describe('deploy/browser/kiosk-browser.sh', () => {
  /** A stand-in for chromium that records its arguments and waits to be killed. */
  function fakeChromium(dir: string): { bin: string; args: string } {
    const bin = path.join(dir, 'chromium');
    const args = path.join(dir, 'args');
    writeFileSync(bin, `#!/bin/sh\nprintf '%s\\n' "$@" > '${args}'\nexec sleep 60\n`);
    chmodSync(bin, 0o755);
    return { bin, args };
  }

  it('waits for the daemon, opens the kiosk page full screen, and restarts the browser when the page is silent', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-browser-'));
    dirs.push(dir);
    const d = await startDaemon({ devices: {} });
    try {
      await d.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(d.app.server.address() as { port: number }).port}/`;
      const { bin, args } = fakeChromium(dir);
      const launcher = spawn('sh', [deploy('browser/kiosk-browser.sh')], {
        env: { ...process.env, KIOSK_URL: url, CHROMIUM: bin, KIOSK_BROWSER_PROFILE: path.join(dir, 'profile'), KIOSK_BROWSER_ONCE: '1', KIOSK_BROWSER_CHECK_SECONDS: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      launcher.stderr.on('data', (c) => (stderr += String(c)));
      const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
      await expect.poll(() => existsSync(args), { timeout: 10_000 }).toBe(true);
      const flags = readFileSync(args, 'utf8').split('\n');
      expect(flags).toEqual(expect.arrayContaining(['--kiosk', url, '--noerrdialogs', '--disable-pinch', '--overscroll-history-navigation=0']));
      // The page (here: nobody) sends no heartbeat; once the daemon calls it silent, the launcher restarts the browser.
      d.clock.advance(31_000);
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]);
      if (code === 'still running') launcher.kill();
      expect(code).toBe(0);
      expect(stderr).toContain('stopped sending heartbeats');
    } finally {
      await d.app.close();
      removeDir(d.dataDir);
    }
  });
});
