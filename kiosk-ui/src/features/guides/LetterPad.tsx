import { LETTER_ROWS } from './wording';

/**
 * 首字母 search at the kiosk: large letter keys (no physical keyboard), «删除» and «清空». A person types the first
 * letter of each character's pinyin (户口迁移 → hkqy); the list narrows with every key.
 */
export function LetterPad({ value, onChange }: { value: string; onChange(value: string): void }) {
  return (
    <div className="guide-pad" role="group" aria-label="拼音首字母键盘">
      {LETTER_ROWS.map((row) => (
        <div key={row} className="ime-row">
          {[...row].map((k) => (
            <button key={k} type="button" className="ime-key" disabled={value.length >= 20} onClick={() => onChange(value + k)}>
              {k.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      <div className="ime-row">
        <button type="button" className="ime-key ime-wide" disabled={!value} onClick={() => onChange(value.slice(0, -1))}>删除</button>
        <button type="button" className="ime-key ime-wide" disabled={!value} onClick={() => onChange('')}>清空</button>
      </div>
    </div>
  );
}
