import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS, USAGE } from './models';
import { PressDecoder, encodeKeysDown, keysDown } from './report';
import { parseKeypadModel } from '../model-schema';

const boot = BUILTIN_MODELS['boot-keyboard']!;
const vendor = BUILTIN_MODELS['vendor-5key']!;
const hex = (s: string) => Buffer.from(s.replace(/ /g, ''), 'hex');

describe('boot keyboard reports', () => {
  it('maps top-row usages 0x1E..0x22 and keypad usages 0x59..0x5D to keys 1..5', () => {
    expect(keysDown(boot, hex('00 00 1e 00 00 00 00 00'))).toEqual(new Set([1]));
    expect(keysDown(boot, hex('00 00 22 00 00 00 00 00'))).toEqual(new Set([5]));
    expect(keysDown(boot, hex('00 00 59 00 00 00 00 00'))).toEqual(new Set([1]));
    expect(keysDown(boot, hex('00 00 5d 00 00 00 00 00'))).toEqual(new Set([5]));
    // A modifier (left shift) and unmapped usages (A = 0x04, 6 = 0x23) are not keys of the keypad.
    expect(keysDown(boot, hex('02 00 04 23 20 00 00 00'))).toEqual(new Set([3]));
  });

  it('encodes the bytes a unit sends, golden', () => {
    expect(encodeKeysDown(boot, [4]).toString('hex')).toBe('0000210000000000');
    expect(encodeKeysDown(boot, []).toString('hex')).toBe('0000000000000000');
  });

  it('refuses short reports and treats ErrorRollOver as no information', () => {
    expect(keysDown(boot, hex('00 00 1e'))).toEqual({ code: 'REPORT_TOO_SHORT', length: 3 });
    const rollover = Buffer.from([0, 0, ...Array(6).fill(USAGE.ERROR_ROLL_OVER)]);
    expect(keysDown(boot, rollover)).toEqual({ code: 'ROLL_OVER' });
  });
});

describe('vendor reports', () => {
  it('reads the key code at the model offset behind the report ID', () => {
    expect(keysDown(vendor, hex('01 03 00 00 00 00 00 00'))).toEqual(new Set([3]));
    expect(keysDown(vendor, hex('01 00 00 00 00 00 00 00'))).toEqual(new Set());
    expect(keysDown(vendor, hex('01 09 00 00 00 00 00 00'))).toEqual({ code: 'UNKNOWN_KEY_CODE', value: 9 });
    expect(keysDown(vendor, hex('02 03 00 00 00 00 00 00'))).toEqual({ code: 'WRONG_REPORT_ID', reportId: 2 });
    expect(encodeKeysDown(vendor, [2]).toString('hex')).toBe('0102000000000000');
  });
});

describe('PressDecoder', () => {
  it('counts a key when it goes down, not while held or on release', () => {
    const d = new PressDecoder(boot);
    expect(d.feed(encodeKeysDown(boot, [2]))).toEqual({ pressed: [2] });
    expect(d.feed(encodeKeysDown(boot, [2]))).toEqual({ pressed: [] });
    expect(d.feed(encodeKeysDown(boot, [2, 3]))).toEqual({ pressed: [3] });
    expect(d.feed(encodeKeysDown(boot, []))).toEqual({ pressed: [] });
    expect(d.feed(encodeKeysDown(boot, [2]))).toEqual({ pressed: [2] });
  });
});

describe('models in the configuration', () => {
  it('accepts a built-in name or an inline vendor model, and names the bad key', () => {
    expect(parseKeypadModel('vendor-5key', 'm')).toBe(vendor);
    const inline = parseKeypadModel(
      { mode: 'vendor-report', reportLength: 4, offset: 2, releaseValue: 0xff, values: [{ code: 0x10, key: 1 }, { code: 0x11, key: 2 }] },
      'devices.keypad.model',
    );
    expect(keysDown(inline, hex('00 00 11 00'))).toEqual(new Set([2]));
    expect(() => parseKeypadModel('acme', 'devices.keypad.model')).toThrow(/devices\.keypad\.model = "acme"/);
    expect(() =>
      parseKeypadModel({ mode: 'vendor-report', reportLength: 4, offset: 4, releaseValue: 0, values: [{ code: 1, key: 1 }] }, 'k.model'),
    ).toThrow(/k\.model\.offset/);
  });
});
