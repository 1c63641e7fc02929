/**
 * docs/INTERFACE.md, "Commands" and "Configuration": the daemon process with its environment defaults, the
 * configuration's validation (exit 78, unknown keys), every alternative driver it names, `npm run doctor`'s
 * table with a fix per failure, and `npm run bench`'s table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../device-daemon/src/config/load';
import { ConfigError } from '../../device-daemon/src/config/config-error';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = import.meta.resolve('tsx');
const serverTs = path.join(root, 'device-daemon/src/server.ts');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'contract-cmd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment without any KIOSK_* variable, so the defaults apply. */
function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KIOSK_')));
  return { ...env, ...extra };
}

function writeConfig(name: string, config: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the daemon host; `whileUp` runs once it logged that it listens (or failed to), then it gets SIGTERM. */
function runDaemon(cwd: string, env: NodeJS.ProcessEnv, whileUp?: (stdout: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, serverTs], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`daemon did not finish: ${stdout} ${stderr}`));
    }, 45_000);
    child.stdout.on('data', (d) => {
      stdout += String(d);
      if (!started && whileUp && /Server listening|could not start/.test(stdout)) {
        started = true;
        whileUp(stdout).finally(() => child.kill('SIGTERM'));
      }
    });
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeout = 90_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: root, env, timeout, maxBuffer: 8 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the daemon with no environment', () => {
  it('listens on 127.0.0.1:8080, simulates every device and keeps data in SQLite under ./data', async () => {
    const cwd = mkdtempSync(path.join(dir, 'cwd-'));
    let kiosk: { devices: Record<string, { simulated: boolean }> } | undefined;
    const r = await runDaemon(cwd, bareEnv(), async (out) => {
      // Another process may hold 8080 on this machine: then the refusal still names the default address.
      if (/Server listening/.test(out)) kiosk = await fetch('http://127.0.0.1:8080/api/kiosk').then((x) => x.json());
    });
    const log = r.stdout;
    if (/Server listening/.test(log)) {
      expect(log).toMatch(/Server listening at http:\/\/127\.0\.0\.1:8080/);
      expect(Object.keys(kiosk!.devices).sort()).toEqual(['idReader', 'keypad', 'printer', 'qrReader', 'scanner']);
      expect(Object.values(kiosk!.devices).every((d) => d.simulated)).toBe(true);
      expect(r.code).toBe(0);
    } else {
      expect(log).toMatch(/EADDRINUSE.*127\.0\.0\.1:8080|127\.0\.0\.1:8080.*EADDRINUSE/);
    }
    expect(existsSync(path.join(cwd, 'data', 'kiosk.db'))).toBe(true);
  });

  it('honours KIOSK_CONFIG, KIOSK_PORT and KIOSK_DATA_DIR', async () => {
    const data = path.join(dir, 'elsewhere');
    const file = writeConfig('named.json', { hall: { name: '配置大厅' }, devices: { printer: { driver: 'simulated' } } });
    let kiosk: { hall: { name: string }; devices: Record<string, unknown> } | undefined;
    const r = await runDaemon(dir, bareEnv({ KIOSK_CONFIG: file, KIOSK_PORT: '0', KIOSK_DATA_DIR: data }), async (out) => {
      const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      kiosk = await fetch(`http://127.0.0.1:${port}/api/kiosk`).then((x) => x.json());
    });
    expect(r.code).toBe(0);
    expect(kiosk!.hall.name).toBe('配置大厅');
    expect(Object.keys(kiosk!.devices)).toEqual(['printer']); // a device left out is not fitted
    expect(existsSync(path.join(data, 'kiosk.db'))).toBe(true);
  });
});

describe('configuration validated at start', () => {
  it.each([
    ['an unknown top-level key', { hall: { name: '大厅' }, colour: 'blue' }, 'colour', '"blue"'],
    ['an unknown device key', { devices: { printer: { driver: 'simulated', speed: 3 } } }, 'devices.printer.speed', '3'],
    ['an unknown device', { devices: { fax: { driver: 'simulated' } } }, 'devices.fax', ''],
    ['a bad value', { ui: { pageTimeoutSeconds: 0 } }, 'ui.pageTimeoutSeconds', '0'],
  ])('%s stops the daemon before it listens: one line naming key, value and expectation, exit 78', async (_what, config, key, value) => {
    const file = writeConfig(`bad-${key}.json`, config);
    const r = await runDaemon(dir, bareEnv({ KIOSK_CONFIG: file, KIOSK_PORT: '0', KIOSK_DATA_DIR: path.join(dir, 'bad') }));
    expect(r.code).toBe(78);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.includes('ExperimentalWarning') && !l.includes('--trace-warnings'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${key} = ${value}`);
    expect(lines[0]).toMatch(/; expected \S/);
    expect(r.stdout).not.toMatch(/Server listening/);
  });

  it.each([
    ['every device simulated', { devices: { idReader: { driver: 'simulated' }, printer: { driver: 'simulated' }, keypad: { driver: 'simulated' }, scanner: { driver: 'simulated' } } }],
    ['the printer as a character device', { devices: { printer: { driver: 'escpos-device', path: '/dev/usb/lp0' } } }],
    ['the hall-wide PostgreSQL store', { store: { driver: 'postgres', url: 'postgres://kiosk@10.0.0.5/hall' } }],
    ['an upstream for ratings', { evaluation: { upstream: { url: 'https://rating.example.gov.cn/api/ratings' } } }],
    ['the page countdown', { ui: { pageTimeoutSeconds: 45 } }],
  ])('accepts %s', (_what, config) => {
    expect(() => parseConfig(config, dir)).not.toThrow();
  });

  it.each([
    [{ devices: { printer: { driver: 'escpos-device', path: '/dev/usb/lp0', baudRate: 9600 } } }, 'devices.printer.baudRate'],
    [{ store: { driver: 'postgres', url: 'postgres://x/y', path: 'k.db' } }, 'store.path'],
    [{ evaluation: { upstream: { url: 'https://x', key: 'k' } } }, 'evaluation.upstream.key'],
    [{ ui: { pageTimeoutSeconds: 60, theme: 'dark' } }, 'ui.theme'],
  ])('an unknown key is an error, not ignored: %j', (config, key) => {
    let err: unknown;
    try {
      parseConfig(config, dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).path).toBe(key);
  });
});

describe('npm run doctor', () => {
  it('prints a table in which every failure has a fix hint', async () => {
    const file = writeConfig('doctor.json', {
      devices: {
        idReader: { driver: 'sam-serial', path: '/dev/ttyCONTRACT-none' },
        printer: { driver: 'escpos-device', path: '/dev/usb/lp-contract-none' },
        keypad: { driver: 'hid', vendorId: 0xfffe, productId: 0xfffd },
        scanner: { driver: 'sane', device: 'contract:none' },
      },
    });
    const bad = writeConfig('doctor-bad.json', { ui: { pageTimeoutSeconds: 'soon' } });
    for (const config of [file, bad]) {
      const r = await run('npm', ['run', '-s', 'doctor'], bareEnv({ KIOSK_CONFIG: config, KIOSK_DATA_DIR: path.join(dir, 'doc') }));
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n');
      const head = lines.find((l) => /^status\s+check\s+found\s+fix$/.test(l));
      expect(head, r.stdout).toBeDefined();
      const fixAt = head!.indexOf('fix');
      const fails = lines.filter((l) => l.startsWith('FAIL'));
      expect(fails.length).toBeGreaterThan(0);
      for (const l of fails) expect(l.slice(fixAt).trim(), l).not.toBe('');
      expect(r.stdout).toMatch(new RegExp(`FAIL ${fails.length}\\b`));
    }
  });
});

describe('npm run bench', () => {
  // Two light areas only: the whole bench (scans, PostgreSQL) would load the machine under the timing-sensitive
  // crash tests running alongside. `npm run bench` prints every area through the same table.
  it('prints the performance table', async () => {
    const r = await run('npm', ['run', '-s', 'bench'], bareEnv({ KIOSK_BENCH_QUICK: '1', KIOSK_BENCH_AREAS: 'queue,printer' }), 170_000);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^\|\s*area\s*\|\s*metric\s*\|\s*value\s*\|\s*ratio[^|]*\|\s*target\s*\|$/);
    expect(rows[1]).toMatch(/^(\|-+){5}\|$/);
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.slice(2).map((row) => row.split('|')[1]!.trim()))).toEqual(new Set(['queue', 'printer']));
    for (const row of rows.slice(2)) expect(row).toMatch(/^\| .+ \| .+ \| .+ \| .* \|$/);
    expect(r.stdout).not.toContain('FAILED');
  }, 180_000);
});

describe('npm install', () => {
  /** Every package a source file imports, by its package name. */
  function importedPackages(): Map<string, string> {
    const found = new Map<string, string>();
    const statement = /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'node_modules' && e.name !== 'dist') walk(p);
        } else if (/\.(ts|tsx|mjs)$/.test(e.name)) {
          for (const m of readFileSync(p, 'utf8').matchAll(statement)) {
            const spec = (m[1] ?? m[2] ?? m[3])!;
            if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
            if (spec.startsWith('@daemon/') || spec.startsWith('@/')) continue; // tsconfig paths (daemon types, the UI's root), not packages
            const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
            if (!builtinModules.includes(name)) found.set(name, path.relative(root, p));
          }
        }
      }
    };
    for (const d of ['device-daemon', 'kiosk-ui', 'test', 'scripts']) walk(path.join(root, d));
    return found;
  }

  it('package.json declares every package the code imports, so npm install brings everything', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
    const imported = importedPackages();
    expect(imported.size).toBeGreaterThan(10);
    const missing = [...imported].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
    // The daemon's own packages must be installed without dev dependencies too (npm install --omit=dev).
    const runtime = [...imported].filter(([, file]) => file.startsWith('device-daemon/src/') && !file.endsWith('.test.ts'));
    expect(runtime.filter(([name]) => !(name in (pkg.dependencies ?? {}))).map(([n, f]) => `${n} (${f})`)).toEqual([]);
  });
});
