import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'compiled-'));
// Inside the repository, where the bundle's packages resolve; not the production bundle, which may be running.
const outfile = path.join(root, 'dist/test', `server-${process.pid}.mjs`);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outfile, { force: true });
});

describe('the compiled daemon (npm run build, as the systemd unit runs it)', () => {
  it('starts with its flags, finds its files beside its sources, answers, and closes on SIGTERM', async () => {
    const build = (await import(pathToFileURL(path.join(root, 'scripts/build-daemon.mjs')).href)) as {
      buildDaemon(o: { outfile: string }): Promise<string>;
      DAEMON_NODE_FLAGS: string[];
    };
    await build.buildDaemon({ outfile });
    writeFileSync(path.join(dir, 'kiosk.json'), JSON.stringify({ hall: { name: '编译测试大厅' } }));
    const child = spawn(process.execPath, [...build.DAEMON_NODE_FLAGS, outfile], {
      cwd: root,
      env: { ...process.env, KIOSK_CONFIG: path.join(dir, 'kiosk.json'), KIOSK_DATA_DIR: dir, KIOSK_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    try {
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += String(d);
          const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (m) resolve(m[1]!);
        });
        void exited.then((code) => reject(new Error(`exited ${code}: ${stdout}`)));
      });
      // Listening at all means the files found relative to sources were found (package.json for the version,
      // better-sqlite3 through createRequire): either missing stops the daemon at start.
      const kiosk = (await (await fetch(`${url}/api/kiosk`)).json()) as unknown;
      expect(JSON.stringify(kiosk)).toContain('编译测试大厅');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(timer);
      child.kill('SIGKILL');
    }
  }, 150_000);
});
