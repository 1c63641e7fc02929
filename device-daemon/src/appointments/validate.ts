import { badRequest } from '../core/errors';

/**
 * What a person types to book: a resident ID number (GB 11643, check character included), a name and a
 * mainland mobile number. Errors name the field, as every 400 of the API does.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  if (CHECK_CHARS[sum % 11] !== id[17]) return false;
  const birth = id.slice(6, 14);
  const d = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10).replaceAll('-', '') === birth;
}

export interface PersonInput {
  idNumber: string;
  name: string;
  phone: string;
}

/** Normalised input, or 400 naming the field. */
export function checkPerson(input: PersonInput): PersonInput {
  const idNumber = input.idNumber.trim().toUpperCase();
  if (!isValidIdNumber(idNumber)) throw badRequest('INVALID_ID_NUMBER', 'body.idNumber: 身份证号码不正确（请核对18位号码及最后一位校验码）', { field: 'idNumber' });
  const name = input.name.trim();
  if (!/^[\p{Script=Han}·•A-Za-z ]{2,30}$/u.test(name)) throw badRequest('INVALID_NAME', 'body.name: 请填写身份证上的姓名', { field: 'name' });
  return { idNumber, name, phone: checkPhone(input.phone) };
}

/** A mainland mobile number, spaces, dashes and +86 removed; or 400 naming the field. */
export function checkPhone(raw: string): string {
  const phone = raw.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  if (!/^1[3-9]\d{9}$/.test(phone)) throw badRequest('INVALID_PHONE', 'body.phone: 请填写11位手机号码', { field: 'phone' });
  return phone;
}

/** Masked as the card reader's screen masks (identity/mask.ts): first and last character of a name kept. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 2) return chars.length === 2 ? `${chars[0]}*` : '*';
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** `4401**********1234`: first 4 and last 4 characters. */
export const maskIdNumber = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

/** `138****5678`: what a screen or a technician may see of a phone number. */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
