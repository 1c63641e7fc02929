import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load';
import { catalogueCheck } from './catalogue-check';

const dir = mkdtempSync(path.join(tmpdir(), 'doctor-catalogue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the doctor on the 事项 catalogue', () => {
  it('counts the 事项 of a good 事项目录 file, those with materials, 容缺 and a 办事指南', async () => {
    const file = path.join(dir, 'ok.csv');
    writeFileSync(file, '事项编码,事项名称,实施部门,分类,办理时限,材料名称,容缺\nHJ-001,户口迁移,公安局,A,5个工作日,身份证,是\nSB-001,社保查询,人社局,A,,,\n');
    const check = await catalogueCheck(parseConfig({ matters: file }, dir), '/etc/kiosk/kiosk.json');
    expect(check).toMatchObject({ status: 'PASS', data: { matters: 2, withMaterials: 1, withGuide: 1 } });
    expect(check.detail).toBe(`2 事项 from ${file}: 1 with materials (offered at the scanner, 1 with 容缺), 1 with a 办事指南`);
  });

  it('FAILs on a bad row with the file, row and column, and says how to list every problem', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, '事项编码,事项名称,实施部门,分类\nHJ-001,户口迁移,,A\n');
    const check = await catalogueCheck(parseConfig({ matters: file }, dir), '/etc/kiosk/kiosk.json');
    expect(check.status).toBe('FAIL');
    expect(check.detail).toContain('bad.csv 第 2 行「实施部门」');
    expect(check.hint).toContain('import-cli.ts');
  });

  it('FAILs on a 事项 filed under a 分类 no queue category uses, in a file or in the configuration', async () => {
    const file = path.join(dir, 'stray.csv');
    writeFileSync(file, '事项编码,事项名称,实施部门,分类\nHJ-001,户口迁移,公安局,A\nGS-009,个体工商户变更,市场监管局,Q\n');
    const fromFile = await catalogueCheck(parseConfig({ matters: file }, dir), '/etc/kiosk/kiosk.json');
    expect(fromFile.status).toBe('FAIL');
    expect(fromFile.detail).toContain('事项 GS-009「个体工商户变更」has 分类 Q, not A/B/C/D/E/F');
    const inline = parseConfig({ matters: [{ code: 'GS-009', name: '个体工商户变更', department: '市场监管局', categoryId: 'Q' }] }, dir);
    const fromConfig = await catalogueCheck(inline, '/etc/kiosk/kiosk.json');
    expect(fromConfig).toMatchObject({ status: 'FAIL', data: { source: 'configuration' } });
    expect(fromConfig.detail).toContain('matters[0].categoryId = "Q"');
    expect(fromConfig.hint).toContain('queue.categories');
  });

  it('WARNs when a configured kiosk has no catalogue of its own', async () => {
    const check = await catalogueCheck(parseConfig({}, dir), '/etc/kiosk/kiosk.json');
    expect(check).toMatchObject({ status: 'WARN', data: { source: 'scan.matters' } });
  });
});
