import type { GuideMaterial } from './api';

const FORM = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' } as const;

/** 原件/复印件 and how many, in the words of the printed 一次性告知单 (device-daemon/src/guides/leaflet.ts). */
export function formOf(m: GuideMaterial): string | undefined {
  const form = m.form ? FORM[m.form] : undefined;
  if (form && m.copies) return `${form} ${m.copies} 份`;
  return form ?? (m.copies ? `${m.copies} 份` : undefined);
}

/** «必需», «非必需», or «可容缺» (告知承诺: handed in later, the case is accepted meanwhile). */
export function needOf(m: GuideMaterial): { text: string; tone: 'required' | 'optional' | 'deferrable' } {
  if (!m.required) return { text: '非必需', tone: 'optional' };
  if (m.deferrable) return { text: '可容缺（告知承诺后补交）', tone: 'deferrable' };
  return { text: '必需', tone: 'required' };
}

/** Letters a person may type for the initials search: what the daemon matches (`hkqy` for 户口迁移). */
export const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const;
