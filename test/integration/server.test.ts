import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

function runServer(env: Record<string, string>, waitFor?: RegExp): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'device-daemon/src/server.ts'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not finish: ${stdout} ${stderr}`));
    }, 30_000);
    child.stdout.on('data', (d) => {
      stdout += String(d);
      if (waitFor?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('the daemon host', () => {
  it('stops before listening with exit status 78 and one line naming the key on an invalid configuration', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srv-'));
    const file = path.join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ devices: { printer: { driver: 'escpos-serial', path: '/dev/ttyUSB1', baudRate: 'fast' } } }));
    const r = await runServer({ KIOSK_CONFIG: file, KIOSK_DATA_DIR: dir, KIOSK_PORT: '0' });
    expect(r.code).toBe(78);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.includes('ExperimentalWarning'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/devices\.printer\.baudRate = "fast"; expected a whole number/);
    expect(r.stdout).not.toMatch(/Server listening/);
  });

  /** Starts the daemon on a 事项目录 file of `csv`: its exit code, stderr's lines (Node's own warnings aside) and stdout. */
  async function startWithCatalogue(csv: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'srv-'));
    const catalogue = path.join(dir, '事项目录.csv');
    writeFileSync(catalogue, csv);
    const file = path.join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ matters: catalogue }));
    const r = await runServer({ KIOSK_CONFIG: file, KIOSK_DATA_DIR: dir, KIOSK_PORT: '0' });
    rmSync(dir, { recursive: true, force: true });
    // A Fastify deprecation is printed while the app is built: only the configuration's line counts.
    const lines = r.stderr.trim().split('\n').filter((l) => !/ExperimentalWarning|^\(node:|^\(Use `node/.test(l));
    return { code: r.code, lines, stdout: r.stdout };
  }

  it('stops the same way on a 事项目录 file with a bad row, naming the file, the row and the column', async () => {
    const r = await startWithCatalogue('事项编码,事项名称,实施部门,分类,材料名称,份数\nHJ-001,户口迁移,公安局,A,身份证,1\nHJ-002,户口登记,公安局,A,户口簿,很多\n');
    expect(r.code).toBe(78);
    expect(r.lines).toEqual([expect.stringContaining('事项目录.csv 第 3 行「份数」："很多" 应为 1 到 20 的整数')]);
    expect(r.stdout).not.toMatch(/Server listening/);
  });

  it('stops the same way when a 事项 is filed under a 分类 that is not a queue category', async () => {
    const r = await startWithCatalogue('事项编码,事项名称,实施部门,分类\nHJ-001,户口迁移,公安局,A\nGS-009,个体工商户变更,市场监管局,Q\n');
    expect(r.code).toBe(78);
    expect(r.lines).toEqual([expect.stringContaining('事项 GS-009「个体工商户变更」has 分类 Q, not A/B/C/D/E/F')]);
  });

  it('rejects an invalid port the same way', async () => {
    const r = await runServer({ KIOSK_PORT: 'eighty', KIOSK_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'srv-')) });
    expect(r.code).toBe(78);
    expect(r.stderr).toMatch(/KIOSK_PORT = "eighty"/);
  });

  it('listens, then closes devices and the store gracefully on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'srv-'));
    const file = path.join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ hall: { name: '测试大厅' } }));
    const r = await runServer({ KIOSK_CONFIG: file, KIOSK_DATA_DIR: dir, KIOSK_PORT: '0' }, /Server listening/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/closing: devices, store/);
  });
});
