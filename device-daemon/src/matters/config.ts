import { Type } from 'typebox';
import { strict, uniqueBy } from '../config/kit';

/** A material the matter requires (一次性告知), for 材料扫描. */
const material = strict({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,31}$', expected: 'an id of lowercase letters, digits and -' }),
  name: Type.String({ minLength: 1, maxLength: 30 }),
  required: Type.Boolean({ default: true }),
  note: Type.Optional(Type.String({ maxLength: 60 })),
  /** 办事指南: original (原件), copy (复印件) or both, and how many. */
  form: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('original-and-copy')], { expected: 'original, copy or original-and-copy' })),
  copies: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  /** 容缺受理 under 告知承诺: may be brought later on the applicant's written promise. */
  deferrable: Type.Optional(Type.Boolean()),
});

/** The 办事指南 of a 事项 (一次性告知): everything a person needs to know before coming. */
const guide = strict({
  /** 受理条件. */
  conditions: Type.Optional(Type.String({ maxLength: 500 })),
  /** 办理时限, e.g. «即办» or «5个工作日». */
  timeLimit: Type.Optional(Type.String({ maxLength: 60 })),
  /** 收费, e.g. «不收费». */
  fee: Type.Optional(Type.String({ maxLength: 120 })),
  /** 办理地点. */
  place: Type.Optional(Type.String({ maxLength: 120 })),
  /** The windows that handle it. */
  windows: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 999 }), { maxItems: 50 })),
  /** 咨询电话. */
  phone: Type.Optional(Type.String({ pattern: '^[0-9-]{5,20}$', expected: 'a phone number of digits and -' })),
});

/** One 事项 of the hall's catalogue. */
export const matterEntry = strict({
  /** 事项编码, as the provincial system knows it. */
  code: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$', expected: 'a 事项编码 of letters, digits and - (1 to 40)' }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  /** 实施部门. */
  department: Type.String({ minLength: 1, maxLength: 60 }),
  /** The queue category (letter) whose windows handle it; the counter page offers it for that category's tickets. */
  categoryId: Type.String({ pattern: '^[A-Z]$', expected: 'a category letter A-Z' }),
  /** What scanning asks for; a matter without materials is not offered at the scanner. */
  materials: Type.Optional(Type.Array(material, { minItems: 1, maxItems: 20 })),
  guide: Type.Optional(guide),
});


/** The hall's exported 事项目录 (CSV or XLSX, docs/CONFIGURATION.md), read at start (`file.ts`). */
const catalogueFile = Type.String({
  pattern: '^/.+\\.([Cc][Ss][Vv]|[Tt][Xx][Tt]|[Xx][Ll][Ss][Xx])$',
  expected: 'the absolute path of a .xlsx or .csv 事项目录, or a list of 事项',
});

/**
 * The hall's 事项 catalogue: a list (事项编码 distinct) or the path of the file the hall exports; when absent, the
 * catalogue is made from `scan.matters`.
 */
export const mattersConfig = Type.Optional(Type.Union([
  catalogueFile,
  uniqueBy(matterEntry, 'code', 'a 事项编码 not used by another entry', { minItems: 1, maxItems: 500 }),
]));
