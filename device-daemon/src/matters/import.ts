import { Value } from 'typebox/value';
import { matterEntry } from './config';
import type { MatterEntry } from './types';
import { GUIDE, HINT, MATTER, MATERIAL, materialsFromRow, materialsFromCell, normalHeader, type RowMaterial } from './columns';

/** One problem of an exported 事项目录, at the row the spreadsheet shows (header = its own row) and the column's header. */
export interface CatalogueProblem { row: number; column: string; message: string }

/** Every problem of a 事项目录, each worded `<file> 第 12 行「申请材料」：…`. */
export class CatalogueImportError extends Error {
  constructor(readonly problems: CatalogueProblem[], readonly file = '') {
    super(problems.map((p) => describeProblem(p, file)).join('\n'));
  }
}

export function describeProblem(p: CatalogueProblem, file = ''): string {
  return `${file ? `${file} ` : ''}第 ${p.row} 行「${p.column}」：${p.message}`;
}

interface Draft { entry: Record<string, unknown> & { materials: RowMaterial[] }; row: number; rowOf: Record<string, number> }

/**
 * The hall's exported 事项目录 (rows of cells, as a CSV or the first sheet of an XLSX) → `matters` entries; the
 * layout is in docs/CONFIGURATION.md. One row per material: a row whose 事项编码 is empty (a merged cell) or the
 * same as the row above continues that 事项. A 申请材料 column listing the materials in one cell is read too.
 * Rows above the header (a title) are skipped; every problem names its row and column.
 */
export function entriesFromRows(rows: string[][]): MatterEntry[] {
  const headerAt = rows.findIndex((r) => r.some((c) => normalHeader(c) === MATTER.code));
  const header = (rows[headerAt] ?? rows[0] ?? []).map(normalHeader);
  const problems: CatalogueProblem[] = [];
  const col = (name: string) => header.indexOf(name);
  for (const name of Object.values(MATTER)) if (col(name) < 0) problems.push({ row: Math.max(headerAt, 0) + 1, column: name, message: '缺少此列' });
  if (problems.length) throw new CatalogueImportError(problems);

  const drafts: Draft[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((r, i) => {
    if (i <= headerAt || !r.some((c) => c.trim())) return;
    const row = i + 1;
    const cell = (name: string) => (col(name) < 0 ? '' : (r[col(name)] ?? '').trim());
    const code = cell(MATTER.code);
    let draft = drafts.at(-1);
    if (!draft || (code && code !== draft.entry.code)) {
      if (!code) { problems.push({ row, column: MATTER.code, message: '缺少事项编码（续行须在某一事项之下）' }); return; }
      if (firstRowOf.has(code)) problems.push({ row, column: MATTER.code, message: `与第 ${firstRowOf.get(code)} 行重复` });
      firstRowOf.set(code, row);
      draft = { entry: { code, materials: [] }, row, rowOf: {} };
      drafts.push(draft);
    }
    // 事项 and 指南 cells: taken from the first row that fills them; a later row may repeat them, not contradict them.
    for (const [key, name] of [...Object.entries(MATTER), ...Object.entries(GUIDE)]) {
      const v = cell(name);
      if (!v) continue;
      if (draft.rowOf[key] === undefined) { draft.rowOf[key] = row; draft.entry[key] = v; } else if (draft.entry[key] !== v) {
        problems.push({ row, column: name, message: `与第 ${draft.rowOf[key]} 行（同一事项）不一致` });
      }
    }
    const found = col(MATERIAL.name) >= 0 ? materialsFromRow(cell, row) : materialsFromCell(cell(GUIDE_MATERIALS), row);
    problems.push(...found.problems);
    draft.entry.materials.push(...found.materials);
  });
  const entries = drafts.map((d) => toEntry(d, problems));
  if (problems.length) throw new CatalogueImportError(problems.sort((a, b) => a.row - b.row));
  return entries;
}

const GUIDE_MATERIALS = '申请材料';

function toEntry(d: Draft, problems: CatalogueProblem[]): MatterEntry {
  const { code, name, department, categoryId, materials } = d.entry;
  const guide = Object.fromEntries(Object.keys(GUIDE).flatMap((k) => (d.entry[k] === undefined ? [] : [[k, k === 'windows' ? windowsOf(String(d.entry[k])) : d.entry[k]]])));
  const entry = {
    code, name: name ?? '', department: department ?? '', categoryId: categoryId ?? '',
    ...(materials.length ? { materials: materials.map(({ row: _row, column: _col, ...m }, k) => ({ id: `m${k + 1}`, ...m })) } : {}),
    ...(Object.keys(guide).length ? { guide } : {}),
  };
  const blamed = new Set<string>();
  for (const e of Value.Errors(matterEntry, entry)) {
    const [, key = '', sub = '', field = ''] = e.instancePath.split('/');
    let at = { row: d.rowOf[key] ?? d.row, column: (MATTER as Record<string, string>)[key] ?? key };
    if (key === 'guide') at = { row: d.rowOf[sub] ?? d.row, column: (GUIDE as Record<string, string>)[sub] ?? sub };
    if (key === 'materials') {
      const m = materials[Number(sub)];
      at = m ? { row: m.row, column: (MATERIAL as Record<string, string>)[field] ?? m.column } : { row: d.row, column: materials[0]?.column ?? MATERIAL.name };
    }
    if (blamed.has(`${at.row}:${at.column}`)) continue;
    blamed.add(`${at.row}:${at.column}`);
    const value = key === 'materials' && sub === '' ? `${materials.length} 项材料` : JSON.stringify(valueAt(entry, e.instancePath) ?? '');
    problems.push({ ...at, message: `${value} ${HINT[at.column] ?? '不符合要求'}` });
  }
  return entry as MatterEntry;
}

function windowsOf(text: string): number[] | string {
  const parts = text.split(/[、,，;；\s]+/).map((w) => w.replace(/号?窗口?$/, '')).filter(Boolean);
  return parts.every((w) => /^\d{1,3}$/.test(w)) ? parts.map(Number) : text;
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], root);
}
