import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { ConfigError } from '../config/config-error';
import { CatalogueImportError, describeProblem, entriesFromRows } from './import';
import type { MatterEntry } from './types';

/**
 * The text of a CSV as halls save it from Excel or WPS: UTF-8 with or without a BOM, UTF-16 («Unicode 文本»), or,
 * most often on a Chinese Windows, GB18030 (GBK) without any mark: a file that is not valid UTF-8 is read as GB18030.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/** CSV (or tab-separated, as «Unicode 文本» is): quoted fields with `""` escapes and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r|\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { rows.at(-1)!.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      rows.at(-1)!.push(field); field = ''; rows.push([]);
    } else field += c;
  }
  rows.at(-1)!.push(field);
  // Blank lines stay (as empty rows) so row numbers are the ones the spreadsheet shows; a trailing one goes.
  while (rows.length && rows.at(-1)!.every((c) => !c)) rows.pop();
  return rows;
}

/** The cells of an XLSX's sheet named 事项目录, else its first, as text (numbers as Excel shows them). */
async function xlsxRows(file: string): Promise<string[][]> {
  const { default: readXlsx } = await import('read-excel-file/node');
  const sheets = await readXlsx(file);
  const sheet = sheets.find((s) => s.sheet.trim() === '事项目录') ?? sheets[0];
  return (sheet?.data ?? []).map((r) => r.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))));
}

/** Reads an exported 事项目录 (`.csv`, `.txt` or `.xlsx`); throws CatalogueImportError naming the file, rows and columns. */
export async function importCatalogue(file: string): Promise<MatterEntry[]> {
  const rows = /\.xlsx$/i.test(file) ? await xlsxRows(file) : parseCsv(decodeText(await readFile(file)));
  try {
    return entriesFromRows(rows);
  } catch (err) {
    if (err instanceof CatalogueImportError) throw new CatalogueImportError(err.problems, path.basename(file));
    throw err;
  }
}

/**
 * The catalogue a daemon starts with when `matters` names a file: its entries, or ONE ConfigError line naming the
 * file, the first problem's row and column, and how many more there are (the import CLI lists them all).
 */
export async function loadCatalogueFile(file: string): Promise<MatterEntry[]> {
  try {
    return await importCatalogue(file);
  } catch (err) {
    if (err instanceof CatalogueImportError) {
      const [first] = err.problems;
      const more = err.problems.length > 1 ? `（另有 ${err.problems.length - 1} 处，npx tsx device-daemon/src/matters/import-cli.ts 列出全部）` : '';
      throw new ConfigError('matters', file, `a valid 事项目录: ${describeProblem(first!, path.basename(file))}${more}`);
    }
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError('matters', file, code ? `a readable 事项目录 file (${code})` : `a readable .xlsx or .csv 事项目录 (${(err as Error).message})`);
  }
}
