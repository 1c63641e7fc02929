/**
 * A second line of defence for text leaving the kiosk through maintenance (log tail, diagnostic bundle):
 * logs must never carry personal data, but if one does by mistake, it is replaced before a technician sees it or
 * carries it away. Two rules, both chosen so that ordinary log fields survive intact and JSON stays parseable:
 * - by field name: the value of a key that names personal data (ID number, phone, address, a person's name);
 * - by structure: an ID number is recognised by what it is (GB 11643: 17 digits and a valid ISO 7064 MOD 11-2
 *   check character, see docs/PROTOCOLS.md; 15-digit numbers by their birth date), never by length alone, and
 *   never inside a decimal (`"responseTime":9.123456789012345678` is a number, not a person).
 */
const CENSOR = '[redacted]';

/** Digits that are part of a longer token or of a decimal fraction are not an identifier. */
const BEFORE = '(?<![0-9A-Za-z.])';
const AFTER = '(?![0-9A-Za-z]|\\.\\d)';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check character of an 18-character number (ISO 7064 MOD 11-2). */
export function idCheckValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** First-generation numbers have no check digit: 6-digit region, YYMMDD, 3-digit sequence. */
function firstGenerationShape(id: string): boolean {
  const month = Number(id.slice(8, 10));
  const day = Number(id.slice(10, 12));
  return id[0] !== '0' && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

interface Rule {
  re: RegExp;
  accept?: (match: string) => boolean;
}

const STRUCTURES: Rule[] = [
  // 18-character resident / residence-permit / 2023 PR numbers, only with a valid check character.
  { re: new RegExp(`${BEFORE}\\d{17}[\\dXx]${AFTER}`, 'g'), accept: idCheckValid },
  // First-generation 15-digit numbers with a plausible birth date.
  { re: new RegExp(`${BEFORE}\\d{15}${AFTER}`, 'g'), accept: firstGenerationShape },
  // 2017 foreign permanent residence numbers: 3 letters + 12 digits.
  { re: new RegExp(`${BEFORE}[A-Z]{3}\\d{12}${AFTER}`, 'g') },
  // Mainland travel permits of HK/Macao/Taiwan residents (H/M + 8 or 10 digits).
  { re: new RegExp(`${BEFORE}[HM]\\d{8}(?:\\d{2})?${AFTER}`, 'g') },
  // Mainland mobile numbers.
  { re: new RegExp(`${BEFORE}1[3-9]\\d{9}${AFTER}`, 'g') },
];

/** Keys whose value is personal whatever it looks like. */
const PERSONAL_KEYS =
  '(?:idNumber|idNo|idCard|certNo|certNumber|certificateNumber|identityNumber|phone|mobile|telephone|address|' +
  'birthDate|birthday|photo|fullName|fullname|nameZh|nameEn|chineseName|englishName|holder|applicant|' +
  '证件号码|身份证号|身份证号码|手机|电话|住址|地址|姓名|名字)';
const PERSONAL_JSON = new RegExp(`("${PERSONAL_KEYS}"\\s*:\\s*)(?:"(?:[^"\\\\]|\\\\.)*"|-?\\d[\\d.eE+-]*)`, 'g');
/** `name` also names devices and categories: only values that look like a person's name count. */
const NAME_JSON = /("name"\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
const PERSONAL_TEXT = new RegExp(`(?<![A-Za-z])(${PERSONAL_KEYS}\\s*[=:：]\\s*)(?!\\[redacted\\])[^\\s,，;；"]+`, 'g');

const NAME_TEXT = /(?<![A-Za-z])(name\s*[=:：]\s*)(?!\[redacted\])[^\s,，;；"]+/g;

function looksLikeName(value: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]|^[A-Za-z]+[ ,·.]+[A-Za-z]/.test(value);
}

/** A bare JSON value (`"k":440…`) becomes a string so the line still parses. */
function censorAt(text: string, offset: number, length: number): string {
  const before = /[:[,]\s*$/.test(text.slice(Math.max(0, offset - 8), offset));
  const after = /^\s*[,}\]]/.test(text.slice(offset + length, offset + length + 8));
  return before && after ? `"${CENSOR}"` : CENSOR;
}

export function redactText(text: string): string {
  let out = text;
  out = out.replace(PERSONAL_JSON, (_whole, key: string) => `${key}"${CENSOR}"`);
  out = out.replace(NAME_JSON, (whole, key: string, value: string) => (looksLikeName(value) ? `${key}"${CENSOR}"` : whole));
  for (const { re, accept } of STRUCTURES) {
    out = out.replace(re, (match: string, offset: number, whole: string) =>
      !accept || accept(match) ? censorAt(whole, offset, match.length) : match,
    );
  }
  out = out.replace(PERSONAL_TEXT, (_whole, key: string) => `${key}${CENSOR}`);
  out = out.replace(NAME_TEXT, (whole, key: string) => (looksLikeName(whole.slice(key.length)) ? `${key}${CENSOR}` : whole));
  return out;
}

/** Redacts every string inside a JSON-like value (for the diagnostic bundle). */
export function redactDeep<T>(value: T): T {
  return JSON.parse(redactText(JSON.stringify(value))) as T;
}
