import { readFile } from 'node:fs/promises';
import { Value } from 'typebox/value';
import { matterEntry, type MatterEntry } from './config';

/**
 * The hall's exported 事项 list (CSV or XLSX) → `matters` configuration entries. Columns by header:
 * 事项编码, 事项名称, 实施部门, 分类 (queue letter), 申请材料 (one per line or `；`, `*` after a name marks 容缺,
 * `（可选）` an optional one), 受理条件, 办理时限, 收费, 办理地点, 咨询电话. Every problem names its row (as the
 * spreadsheet numbers it, header = 1) and column.
 */
export class CatalogueImportError extends Error {
  constructor(readonly problems: { row: number; column: string; message: string }[]) {
    super(problems.map((p) => `第 ${p.row} 行「${p.column}」：${p.message}`).join('\n'));
  }
}

const COLUMNS = { code: '事项编码', name: '事项名称', department: '实施部门', categoryId: '分类', materials: '申请材料' } as const;
const GUIDE = { conditions: '受理条件', timeLimit: '办理时限', fee: '收费', place: '办理地点', phone: '咨询电话' } as const;

export function entriesFromRows(rows: string[][]): MatterEntry[] {
  const [header = [], ...body] = rows;
  const col = (name: string) => header.findIndex((h) => h.trim() === name);
  const problems: CatalogueImportError['problems'] = [];
  for (const name of Object.values(COLUMNS)) if (col(name) < 0) problems.push({ row: 1, column: name, message: '缺少此列' });
  if (problems.length) throw new CatalogueImportError(problems);
  const entries = body.filter((r) => r.some((c) => c.trim())).map((r, i) => {
    const row = i + 2;
    const cell = (name: string) => (r[col(name)] ?? '').trim();
    const materials = cell(COLUMNS.materials).split(/[\n；;]/).map((m) => m.trim()).filter(Boolean).map((m, k) => ({
      id: `m${k + 1}`,
      name: m.replace(/[*＊]|（可选）|\(可选\)/g, '').trim(),
      required: !/（可选）|\(可选\)/.test(m),
      ...(/[*＊]/.test(m) ? { deferrable: true } : {}),
    }));
    const guide = Object.fromEntries(Object.entries(GUIDE).flatMap(([k, h]) => (col(h) >= 0 && cell(h) ? [[k, cell(h)]] : [])));
    const entry = {
      code: cell(COLUMNS.code), name: cell(COLUMNS.name), department: cell(COLUMNS.department), categoryId: cell(COLUMNS.categoryId),
      ...(materials.length ? { materials } : {}), ...(Object.keys(guide).length ? { guide } : {}),
    };
    for (const e of Value.Errors(matterEntry, entry)) {
      const key = e.instancePath.split('/')[1] ?? '';
      const column = (COLUMNS as Record<string, string>)[key] ?? (GUIDE as Record<string, string>)[e.instancePath.split('/')[2] ?? ''] ?? key;
      problems.push({ row, column, message: `${JSON.stringify(cell(column) || '')} 不符合要求（${e.message}）` });
    }
    return entry as MatterEntry;
  });
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    if (seen.has(e.code)) problems.push({ row: i + 2, column: COLUMNS.code, message: `与第 ${seen.get(e.code)} 行重复` });
    seen.set(e.code, i + 2);
  });
  if (problems.length) throw new CatalogueImportError(problems);
  return entries;
}

/** CSV as spreadsheets export it: quoted fields with `""` escapes and newlines inside quotes; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1)!.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      rows.at(-1)!.push(field); field = ''; rows.push([]);
    } else field += c;
  }
  rows.at(-1)!.push(field);
  return rows.filter((r) => r.length > 1 || r[0]);
}

/** Reads a .csv or .xlsx export (read-excel-file for XLSX, first sheet). */
export async function importCatalogue(file: string): Promise<MatterEntry[]> {
  if (/\.xlsx$/i.test(file)) {
    const { default: readXlsx } = await import('read-excel-file/node');
    const sheets = await readXlsx(file);
    const first = (Array.isArray(sheets) ? sheets[0] : sheets) as { data: unknown[][] } | undefined;
    return entriesFromRows((first?.data ?? []).map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))));
  }
  return entriesFromRows(parseCsv(await readFile(file, 'utf8')));
}
