/** The characters of a booking code (no 0/O, 1/I/L look-alikes), as large touch keys. */
const KEYS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'.split('');
export const CODE_LENGTH = 8;

/** Typing a booking code on the touch screen: one key per character, 删除, and 签到 once eight are in. */
export function CodePad({ value, onChange, onSubmit, busy }: { value: string; onChange: (v: string) => void; onSubmit: () => void; busy: boolean }) {
  return (
    <div className="appt-codepad">
      <output className="appt-code" aria-label="预约码" data-testid="appt-code">
        {value.padEnd(CODE_LENGTH, '·')}
      </output>
      <div className="appt-keys" role="group" aria-label="预约码键盘">
        {KEYS.map((k) => (
          <button key={k} type="button" className="appt-key" disabled={value.length >= CODE_LENGTH} onClick={() => onChange(value + k)}>
            {k}
          </button>
        ))}
        <button type="button" className="appt-key appt-key-wide" onClick={() => onChange(value.slice(0, -1))} disabled={!value}>
          删除
        </button>
      </div>
      <button type="button" className="primary-button" disabled={value.length !== CODE_LENGTH || busy} onClick={onSubmit}>
        签到
      </button>
    </div>
  );
}
