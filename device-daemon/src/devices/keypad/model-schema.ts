import { Type, type StaticDecode } from 'typebox';
import { oneOf, strict, tagged } from '../../config/kit';
import { parseWith } from '../../config/explain';
import { BUILTIN_MODELS, type KeypadModel } from './codec/models';

const byte = Type.Integer({ minimum: 0, maximum: 0xff });
const key = Type.Integer({ minimum: 1, maximum: 6 });
const bytes = Type.Optional(Type.Array(byte, { minItems: 1, maxItems: 64 }));
const outputs = Type.Optional(strict({ invite: bytes, thanks: bytes, idle: bytes }));
/** The key labelled «呼叫帮办» (a key no rating level uses): it raises a help request. */
const helpKey = Type.Optional(key);
const codeToKey = Type.Array(strict({ code: byte, key }), { minItems: 1, maxItems: 32 });

/** A model written in the configuration file: lists of `{ code, key }` instead of number-keyed objects. */
const inlineModel = tagged('mode', {
  'boot-keyboard': { name: Type.String({ minLength: 1, default: 'custom' }), reportId: Type.Optional(byte), usages: codeToKey, helpKey, outputs },
  'vendor-report': {
    name: Type.String({ minLength: 1, default: 'custom' }),
    reportId: Type.Optional(byte),
    reportLength: Type.Integer({ minimum: 1, maximum: 64 }),
    offset: Type.Integer({ minimum: 0, maximum: 63 }),
    values: codeToKey,
    releaseValue: byte,
    helpKey,
    outputs,
  },
});
/** The key value sits inside the report: checked across two keys, blamed on `offset`. */
const checkedModel = Type.Refine(
  inlineModel,
  (m) => m.mode !== 'vendor-report' || m.offset < m.reportLength,
  (m) => `less than reportLength (${(m as { reportLength: number }).reportLength})`,
);
(checkedModel as { blame?: string }).blame = 'offset';

const table = (pairs: { code: number; key: number }[]) => Object.fromEntries(pairs.map((p) => [p.code, p.key]));
const names = Object.keys(BUILTIN_MODELS);

/** `devices.keypad.model`: the name of a built-in model, or a model described inline; decoded to a KeypadModel. */
export const keypadModelSchema = Type.Decode(
  Type.Union([oneOf(names), checkedModel], {
    default: 'boot-keyboard',
    expected: `one of ${names.map((n) => JSON.stringify(n)).join(', ')} or a model object with "mode"`,
  }),
  (m): KeypadModel => {
    if (typeof m === 'string') return BUILTIN_MODELS[m]!;
    if (m.mode === 'boot-keyboard') return { ...m, usages: table(m.usages) };
    return { ...m, values: table(m.values) };
  },
);

/** A model from configuration text (tests, tools): the same checks and one-line errors as the daemon's. */
export const parseKeypadModel = (raw: unknown, path: string): StaticDecode<typeof keypadModelSchema> =>
  parseWith(keypadModelSchema, raw, path);
