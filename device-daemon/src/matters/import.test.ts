import { describe, expect, it } from 'vitest';
import { parseCsv } from './file';
import { CatalogueImportError, entriesFromRows } from './import';

const HEADER = '事项编码,事项名称,实施部门,分类,申请材料,办理时限,收费';

describe('catalogue import (CSV/XLSX rows)', () => {
  it('reads materials with 容缺 and optional marks, and the guide columns', () => {
    const csv = `\uFEFF${HEADER}\r\nHJ-001,户口迁移登记,公安局,A,"居民身份证；居民户口簿*；近期照片（可选）",5个工作日,不收费\r\n`;
    const [e] = entriesFromRows(parseCsv(csv));
    expect(e).toMatchObject({ code: 'HJ-001', categoryId: 'A', guide: { timeLimit: '5个工作日', fee: '不收费' } });
    expect(e!.materials).toEqual([
      { id: 'm1', name: '居民身份证', required: true },
      { id: 'm2', name: '居民户口簿', required: true, deferrable: true },
      { id: 'm3', name: '近期照片', required: false },
    ]);
  });

  it('names the row and the column of every problem', () => {
    const csv = `${HEADER}\nHJ-001,户口迁移登记,公安局,A,身份证,,\nHJ 002,社保卡,,a,,,\nHJ-001,重复,人社局,B,,,`;
    const err = (() => { try { entriesFromRows(parseCsv(csv)); } catch (e) { return e as CatalogueImportError; } })();
    expect(err).toBeInstanceOf(CatalogueImportError);
    const where = err!.problems.map((p) => `${p.row}:${p.column}`);
    expect(where).toEqual(expect.arrayContaining(['3:事项编码', '3:实施部门', '3:分类', '4:事项编码']));
    expect(err!.message).toContain('第 3 行「分类」');
  });

  it('refuses a file without a required column', () => {
    expect(() => entriesFromRows(parseCsv('事项编码,事项名称\nA,B'))).toThrow(/第 1 行「实施部门」：缺少此列/);
  });
});
