import { Type, type Static } from 'typebox';
import { strict, uniqueBy } from '../config/kit';

/** A material the matter requires (一次性告知), for 材料扫描. */
const material = strict({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,31}$', expected: 'an id of lowercase letters, digits and -' }),
  name: Type.String({ minLength: 1, maxLength: 30 }),
  required: Type.Boolean({ default: true }),
  note: Type.Optional(Type.String({ maxLength: 60 })),
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
});

export type MatterEntry = Static<typeof matterEntry>;

/** The hall's 事项 catalogue; when absent, the catalogue is made from `scan.matters`. 事项编码 distinct. */
export const mattersConfig = Type.Optional(
  uniqueBy(matterEntry, 'code', 'a 事项编码 not used by another entry', { minItems: 1, maxItems: 500 }),
);
