import { arr, bool, ConfigError, obj, opt, str, type Infer, type Schema } from '../config/schema-dsl';

const materialId = str({ pattern: /^[a-z0-9][a-z0-9-]{0,31}$/, hint: 'an id of lowercase letters, digits and -' });

/** A material the matter requires (一次性告知), for 材料扫描. */
const material = obj({
  id: materialId,
  name: str({ min: 1, max: 30 }),
  required: opt(bool(), true),
  note: opt(str({ max: 60 })),
});

/** One 事项 of the hall's catalogue. */
export const matterEntry = obj({
  /** 事项编码, as the provincial system knows it. */
  code: str({ pattern: /^[A-Za-z0-9-]{1,40}$/, hint: 'a 事项编码 of letters, digits and - (1 to 40)' }),
  name: str({ min: 1, max: 60 }),
  /** 实施部门. */
  department: str({ min: 1, max: 60 }),
  /** The queue category (letter) whose windows handle it; the counter page offers it for that category's tickets. */
  categoryId: str({ pattern: /^[A-Z]$/, hint: 'a category letter A-Z' }),
  /** What scanning asks for; a matter without materials is not offered at the scanner. */
  materials: opt(arr(material, { min: 1, max: 20 })),
});

export type MatterEntry = Infer<typeof matterEntry>;

const list = arr(matterEntry, { min: 1, max: 500 });
const uniqueCodes: Schema<MatterEntry[]> = {
  expected: list.expected,
  parse(v, path) {
    const entries = list.parse(v, path);
    const seen = new Set<string>();
    entries.forEach((m, i) => {
      if (seen.has(m.code)) throw new ConfigError(`${path}[${i}].code`, m.code, 'a 事项编码 not used by another entry');
      seen.add(m.code);
    });
    return entries;
  },
};

/** The hall's 事项 catalogue; when absent, the catalogue is made from `scan.matters`. */
export const mattersConfig = opt(uniqueCodes);
