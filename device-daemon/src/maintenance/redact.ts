/**
 * A second line of defence for text leaving the kiosk through maintenance (log tail, diagnostic bundle):
 * logs must never carry personal data, but if one does by mistake, anything that looks like an ID number,
 * a phone number or a person's name is replaced before a technician sees it or carries it away.
 */
const CENSOR = '[redacted]';

const PATTERNS: RegExp[] = [
  // 18-character resident / residence-permit / 2023 PR numbers (17 digits + check digit or X).
  /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g,
  // First-generation 15-digit numbers.
  /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g,
  // 2017 foreign permanent residence numbers: 3 letters + 12 digits.
  /(?<![0-9A-Za-z])[A-Z]{3}\d{12}(?![0-9A-Za-z])/g,
  // Mainland travel permits of HK/Macao/Taiwan residents (H/M + 8 or 10 digits).
  /(?<![0-9A-Za-z])[HM]\d{8}(?:\d{2})?(?![0-9A-Za-z])/g,
  // Mainland mobile numbers.
  /(?<![0-9])1[3-9]\d{9}(?![0-9])/g,
];

/** Keys whose values are a person's name (JSON `"key":"value"` or `key=value` / `姓名：value`). */
const NAME_KEYS = '(?:name|fullName|fullname|nameZh|nameEn|chineseName|englishName|holder|applicant|姓名|名字)';
const NAME_JSON = new RegExp(`("${NAME_KEYS}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g');
const NAME_TEXT = new RegExp(`(${NAME_KEYS}\\s*[=:：]\\s*)(?!\\[redacted\\])[^\\s,，;；"]+`, 'g');

/**
 * `name` also names devices and categories: those machine words stay readable, and only values with CJK text
 * or several words count as a person's name. Every other name key is always a person's.
 */
function looksLikeName(value: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]|^[A-Za-z]+[ ,·.]+[A-Za-z]/.test(value);
}

export function redactText(text: string): string {
  let out = text;
  for (const re of PATTERNS) out = out.replace(re, CENSOR);
  out = out.replace(NAME_JSON, (whole, key: string) => {
    const value = whole.slice(key.length + 1, -1);
    const plainName = /^"name"/.test(key);
    return !plainName || looksLikeName(value) ? `${key}"${CENSOR}"` : whole;
  });
  out = out.replace(NAME_TEXT, (whole, key: string) => (looksLikeName(whole.slice(key.length)) ? `${key}${CENSOR}` : whole));
  return out;
}

/** Redacts every string inside a JSON-like value (for the diagnostic bundle). */
export function redactDeep<T>(value: T): T {
  return JSON.parse(redactText(JSON.stringify(value))) as T;
}
