/**
 * A large on-screen keypad for numbers and codes (ticket numbers like A001, PINs). `letters` adds a row of
 * letter keys for ticket prefixes.
 */
export function NumberPad({
  value,
  onChange,
  maxLength,
  letters,
  mask = false,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  letters?: string[];
  mask?: boolean;
  label: string;
}) {
  const press = (key: string) => value.length < maxLength && onChange(value + key);
  return (
    <div className="number-pad" aria-label={label}>
      <output className="number-pad-display" aria-label={label} aria-live="polite">
        {mask ? '•'.repeat(value.length) : value || ' '}
      </output>
      {letters ? (
        <div className="number-pad-letters">
          {letters.map((l) => (
            <button type="button" key={l} className="pad-key" onClick={() => press(l)}>
              {l}
            </button>
          ))}
        </div>
      ) : null}
      <div className="number-pad-grid">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button type="button" key={d} className="pad-key" onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="pad-key pad-key-muted" onClick={() => onChange('')}>
          清空
        </button>
        <button type="button" className="pad-key" onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="pad-key pad-key-muted" onClick={() => onChange(value.slice(0, -1))} aria-label="删除">
          ⌫
        </button>
      </div>
    </div>
  );
}
