import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error';
import { parseConfig } from '../config/load';
import { loadCatalogueFile } from './file';

const dir = mkdtempSync(path.join(tmpdir(), 'catalogue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['事项编码', '事项名称', '实施部门', '分类', '办理时限', '收费', '办理窗口', '咨询电话', '材料名称', '原件/复印件', '份数', '是否必需', '容缺', '备注'];
/** A 事项 over several material rows, its own cells merged down them as halls lay out their sheets. */
const merged = (matter: (string | number)[], materials: (string | number | null)[][]) =>
  materials.map((m, i) => [...matter.map((v) => (i === 0 ? { value: v, rowSpan: materials.length } : null)), ...m]);

async function xlsx(name: string, rows: unknown[][]): Promise<string> {
  const file = path.join(dir, name);
  const title = [{ value: '某某区政务服务中心事项目录（2026年版）', columnSpan: HEADER.length }];
  await writeXlsxFile([{ sheet: '事项目录', data: [title, HEADER, ...rows] as never }]).toFile(file);
  return file;
}

describe('the 事项目录 file a hall exports', () => {
  it('reads an XLSX with a title row, merged 事项 cells and one row per material', async () => {
    const file = await xlsx('事项目录.xlsx', [
      ...merged(['HJ-001', '户口迁移登记', '公安局', 'A', '5个工作日', '不收费', '3、4', '020-12345'], [
        ['居民身份证', '原件', 1, '是', '否', null],
        ['居民户口簿', '原件及复印件', 2, '是', '是', '告知承诺后 5 日内补交'],
        ['近期照片', '原件', 2, '否', null, null],
      ]),
      ['SB-002', '社会保障卡申领', '人社局', 'A', '即办', '不收费', 5, '12333', '居民身份证', '复印件', '1份', null, null, null],
    ]);
    const [hj, sb] = await loadCatalogueFile(file);
    expect(hj).toEqual({
      code: 'HJ-001', name: '户口迁移登记', department: '公安局', categoryId: 'A',
      guide: { timeLimit: '5个工作日', fee: '不收费', windows: [3, 4], phone: '020-12345' },
      materials: [
        { id: 'm1', name: '居民身份证', required: true, form: 'original', copies: 1 },
        { id: 'm2', name: '居民户口簿', required: true, form: 'original-and-copy', copies: 2, deferrable: true, note: '告知承诺后 5 日内补交' },
        { id: 'm3', name: '近期照片', required: false, form: 'original', copies: 2 },
      ],
    });
    expect(sb).toMatchObject({ code: 'SB-002', guide: { windows: [5], phone: '12333' }, materials: [{ id: 'm1', form: 'copy', copies: 1 }] });
  });

  it('stops with one line naming the file, the row as Excel numbers it and the column', async () => {
    const filler = Array.from({ length: 8 }, (_, i) => [`QT-${i}`, `事项${i}`, '政数局', 'E', '', '', '', '', '身份证', '原件', 1, '', '', '']);
    const file = await xlsx('坏目录.xlsx', [...filler, ['GS-001', '个体工商户设立', '市场监管局', 'B', '', '', '', '', '营业执照', '扫描件', 1, '', '', ''], ['GS-002', '变更', '市场监管局', 'b', '', '', '', '', '', '', '', '', '', '']]);
    const err = await loadCatalogueFile(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const { message, path: key } = err as ConfigError;
    expect(key).toBe('matters');
    expect(message).not.toContain('\n');
    expect(message).toContain('坏目录.xlsx 第 11 行「原件/复印件」："扫描件" 应为 原件、复印件 或 原件及复印件');
    expect(message).toContain('另有 1 处');
  });

  it('reads a CSV saved by Excel on a Chinese Windows (GB18030, no BOM) and one with a BOM and CRLF', async () => {
    const text = '事项编码,事项名称,实施部门,分类,材料名称,容缺\nYL-001,医疗费用零星报销,医保局,A,医疗费用发票,是\n,,,,"出院小结,病历",\n';
    const gbk = path.join(dir, 'gbk.csv');
    writeFileSync(gbk, iconv.encode(text, 'gb18030'));
    const bom = path.join(dir, 'bom.csv');
    writeFileSync(bom, `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    for (const file of [gbk, bom]) {
      const [e] = await loadCatalogueFile(file);
      expect(e!.materials).toEqual([
        { id: 'm1', name: '医疗费用发票', required: true, deferrable: true },
        { id: 'm2', name: '出院小结,病历', required: true },
      ]);
    }
  });

  it('names a continuation row without a 事项 above it, and a 事项 cell that contradicts its first row', async () => {
    const file = path.join(dir, 'conflict.csv');
    writeFileSync(file, '事项编码,事项名称,实施部门,分类,材料名称\n,,,,身份证\nYL-001,报销,医保局,A,发票\nYL-001,报销,人社局,A,病历\n');
    await expect(loadCatalogueFile(file)).rejects.toThrow(/conflict\.csv 第 2 行「事项编码」：缺少事项编码.*另有 1 处/);
    await expect(loadCatalogueFile(path.join(dir, 'none.xlsx'))).rejects.toThrow(/matters = ".*none\.xlsx"; expected a readable 事项目录 file \(ENOENT\)/);
  });

  it('is named in the configuration by its absolute path', () => {
    expect(parseConfig({ matters: '/etc/kiosk/事项目录.xlsx' }, '/tmp/d').matters).toBe('/etc/kiosk/事项目录.xlsx');
    expect(() => parseConfig({ matters: '事项目录.xlsx' }, '/tmp/d')).toThrow(/matters = "事项目录.xlsx"; expected the absolute path of a .xlsx or .csv 事项目录/);
  });
});

describe('deploy/事项目录.sample.csv', () => {
  it('is a valid 事项目录 in the documented layout', async () => {
    const entries = await loadCatalogueFile(path.resolve(import.meta.dirname, '../../../deploy/事项目录.sample.csv'));
    expect(entries.map((e) => e.code)).toEqual(['HJ-QY-001', 'SB-KL-002', 'GS-DJ-003', 'YB-BX-004']);
    expect(entries[0]!.materials!.filter((m) => m.deferrable).map((m) => m.name)).toEqual(['准予迁入证明']);
  });
});
