/**
 * The columns of an exported 事项目录, by their Chinese headers (docs/CONFIGURATION.md, «事项目录文件»), and how a
 * row's material cells become a material. Headers are compared without spaces and without the `*` templates put
 * before a required column's name.
 */
export const MATTER = { code: '事项编码', name: '事项名称', department: '实施部门', categoryId: '分类' } as const;
export const GUIDE = { conditions: '受理条件', timeLimit: '办理时限', fee: '收费', place: '办理地点', windows: '办理窗口', phone: '咨询电话' } as const;
export const MATERIAL = { name: '材料名称', form: '原件/复印件', copies: '份数', required: '是否必需', deferrable: '容缺', note: '备注' } as const;

/** What a cell should hold, said after its value when it does not. */
export const HINT: Record<string, string> = {
  [MATTER.code]: '应为 1 到 40 个字母、数字或 -',
  [MATTER.name]: '应为 1 到 60 个字',
  [MATTER.department]: '应为 1 到 60 个字',
  [MATTER.categoryId]: '应为取号分类的字母 A 到 Z',
  [GUIDE.conditions]: '不能超过 500 个字',
  [GUIDE.timeLimit]: '不能超过 60 个字',
  [GUIDE.fee]: '不能超过 120 个字',
  [GUIDE.place]: '不能超过 120 个字',
  [GUIDE.windows]: '应为窗口号 1 到 999，以、或逗号分隔',
  [GUIDE.phone]: '应为 5 到 20 位数字或 -',
  [MATERIAL.name]: '应为 1 到 30 个字；一个事项至多 20 项材料',
  [MATERIAL.note]: '不能超过 60 个字',
  申请材料: '每项材料名 1 到 30 个字，一个事项至多 20 项',
};

export interface RowMaterial {
  name: string;
  required: boolean;
  note?: string;
  form?: 'original' | 'copy' | 'original-and-copy';
  copies?: number;
  deferrable?: boolean;
  /** Where it came from, to blame a problem on it. */
  row: number;
  column: string;
}

type Problem = { row: number; column: string; message: string };

export const normalHeader = (h: string) => h.replace(/[\s*＊]/g, '').replace(/／/g, '/');

const FORMS: Record<string, RowMaterial['form']> = { 原件: 'original', 复印件: 'copy', 原件及复印件: 'original-and-copy', 原件和复印件: 'original-and-copy', '原件+复印件': 'original-and-copy' };
const YES = new Set(['是', '必需', '必要', '必须', 'Y', 'y', '√']);
const NO = new Set(['否', '非必需', '非必要', '可选', 'N', 'n', '×']);

/** The one-row-per-material layout: 材料名称, 原件/复印件, 份数, 是否必需, 容缺, 备注 of this row. */
export function materialsFromRow(cell: (name: string) => string, row: number): { materials: RowMaterial[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const name = cell(MATERIAL.name);
  const others = [MATERIAL.form, MATERIAL.copies, MATERIAL.required, MATERIAL.deferrable, MATERIAL.note].filter((c) => cell(c));
  if (!name) {
    if (others.length) problems.push({ row, column: MATERIAL.name, message: `此行填了「${others[0]}」却没有材料名称` });
    return { materials: [], problems };
  }
  const m: RowMaterial = { name, required: true, row, column: MATERIAL.name };
  const form = cell(MATERIAL.form).replace(/\s/g, '');
  if (form && FORMS[form]) m.form = FORMS[form];
  else if (form) problems.push({ row, column: MATERIAL.form, message: `"${form}" 应为 原件、复印件 或 原件及复印件` });
  const copies = cell(MATERIAL.copies).replace(/份$/, '');
  if (/^\d+$/.test(copies) && Number(copies) >= 1 && Number(copies) <= 20) m.copies = Number(copies);
  else if (copies) problems.push({ row, column: MATERIAL.copies, message: `"${cell(MATERIAL.copies)}" 应为 1 到 20 的整数` });
  const required = yesNo(cell(MATERIAL.required));
  if (required === 'bad') problems.push({ row, column: MATERIAL.required, message: `"${cell(MATERIAL.required)}" 应为 是 或 否` });
  else if (required !== undefined) m.required = required;
  const deferrable = yesNo(cell(MATERIAL.deferrable).replace(/^可容缺$/, '是').replace(/^不可容缺$/, '否'));
  if (deferrable === 'bad') problems.push({ row, column: MATERIAL.deferrable, message: `"${cell(MATERIAL.deferrable)}" 应为 是 或 否（告知承诺后可补交的填 是）` });
  else if (deferrable) m.deferrable = true;
  if (cell(MATERIAL.note)) m.note = cell(MATERIAL.note);
  return { materials: [m], problems };
}

/** The one-cell layout: `申请材料` lists them one per line or separated by `；`; `*` marks 容缺, `（可选）` optional. */
export function materialsFromCell(text: string, row: number): { materials: RowMaterial[]; problems: Problem[] } {
  const materials = text.split(/[\n；;]/).map((m) => m.trim()).filter(Boolean).map((m): RowMaterial => ({
    name: m.replace(/[*＊]|（可选）|\(可选\)/g, '').trim(),
    required: !/（可选）|\(可选\)/.test(m),
    ...(/[*＊]/.test(m) ? { deferrable: true } : {}),
    row,
    column: '申请材料',
  }));
  return { materials, problems: [] };
}

function yesNo(v: string): boolean | undefined | 'bad' {
  if (!v) return undefined;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return 'bad';
}
