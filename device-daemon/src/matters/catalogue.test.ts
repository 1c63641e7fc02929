import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load';
import { MatterCatalogue } from './catalogue';
import type { MatterEntry } from './types';

describe('the 事项 catalogue', () => {
  it('without `matters`, is made from the scanner list and scanning keeps its defaults', () => {
    const c = parseConfig({}, '/tmp/d');
    const catalogue = new MatterCatalogue(c.matters as MatterEntry[] | undefined, c.scan.matters);
    expect(catalogue.forScanning()).toBe(c.scan.matters);
    expect(catalogue.get('social-security-card')).toEqual({ code: 'social-security-card', name: '社会保障卡申领', department: null, categoryId: null });
  });

  it('with `matters`, windows filter by category and scanning offers those with materials, code as id', () => {
    const c = parseConfig({
      matters: [
        { code: 'GD-001', name: '个体工商户设立登记', department: '市场监督管理局', categoryId: 'B', materials: [{ id: 'id-card', name: '身份证' }] },
        { code: 'GD-002', name: '社保转移', department: '人社局', categoryId: 'A' },
      ],
    }, '/tmp/d');
    const catalogue = new MatterCatalogue(c.matters as MatterEntry[] | undefined, c.scan.matters);
    expect(catalogue.list('A').map((m) => m.code)).toEqual(['GD-002']);
    expect(catalogue.list().map((m) => m.code)).toEqual(['GD-001', 'GD-002']);
    expect(catalogue.forScanning()).toEqual([{ id: 'GD-001', name: '个体工商户设立登记', materials: [{ id: 'id-card', name: '身份证', required: true }] }]);
    expect(catalogue.get('GD-404')).toBeUndefined();
  });

  it('refuses a 事项 without its 实施部门 or with a bad code, naming the key', () => {
    expect(() => parseConfig({ matters: [{ code: 'GD-001', name: 'x', categoryId: 'A' }] }, '/tmp/d')).toThrow(/matters\[0\]\.department/);
    expect(() => parseConfig({ matters: [{ code: 'GD 001', name: 'x', department: 'y', categoryId: 'A' }] }, '/tmp/d')).toThrow(/matters\[0\]\.code/);
    const twice = { code: 'GD-001', name: 'x', department: 'y', categoryId: 'A' };
    expect(() => parseConfig({ matters: [twice, twice] }, '/tmp/d')).toThrow(/matters\[1\]\.code/);
  });
});
