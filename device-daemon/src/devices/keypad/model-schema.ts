import { ConfigError, arr, int, obj, opt, str, tagged, type Schema } from '../../config/schema-dsl';
import { BUILTIN_MODELS, type KeypadModel } from './codec/models';

const byte = int({ min: 0, max: 0xff });
const key = int({ min: 1, max: 6 });
const outputs = opt(obj({ invite: opt(arr(byte, { min: 1, max: 64 })), thanks: opt(arr(byte, { min: 1, max: 64 })), idle: opt(arr(byte, { min: 1, max: 64 })) }));
const codeToKey = arr(obj({ code: byte, key }), { min: 1, max: 32 });

/** A model written in the configuration file: lists of `{ code, key }` instead of number-keyed objects. */
const inlineModel = tagged('mode', {
  'boot-keyboard': obj({ name: opt(str({ min: 1 }), 'custom'), reportId: opt(byte), usages: codeToKey, outputs }),
  'vendor-report': obj({
    name: opt(str({ min: 1 }), 'custom'),
    reportId: opt(byte),
    reportLength: int({ min: 1, max: 64 }),
    offset: int({ min: 0, max: 63 }),
    values: codeToKey,
    releaseValue: byte,
    outputs,
  }),
});

const table = (pairs: { code: number; key: number }[]) => Object.fromEntries(pairs.map((p) => [p.code, p.key]));

/** `devices.keypad.model`: the name of a built-in model, or a model described inline. */
export const keypadModelSchema: Schema<KeypadModel> = {
  expected: `one of ${Object.keys(BUILTIN_MODELS).map((n) => JSON.stringify(n)).join(', ')} or a model object with "mode"`,
  parse(v, path) {
    if (typeof v === 'string') {
      const model = BUILTIN_MODELS[v];
      if (!model) throw new ConfigError(path, v, this.expected);
      return model;
    }
    const m = inlineModel.parse(v, path);
    if (m.mode === 'boot-keyboard') return { ...m, usages: table(m.usages) };
    if (m.offset >= m.reportLength) throw new ConfigError(`${path}.offset`, m.offset, `less than reportLength (${m.reportLength})`);
    return { ...m, values: table(m.values) };
  },
};
