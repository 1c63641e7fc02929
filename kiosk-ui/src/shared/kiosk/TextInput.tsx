import { lazy, Suspense, useId, useState } from 'react';

// The keyboard and its lexicon load only when a person first opens it: the kiosk's first screen stays small.
const Keyboard = lazy(() => import('./ime/Keyboard'));

export interface TextInputProps {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  maxLength?: number;
  /** 常用语 offered above the keys: a touch takes the whole phrase. */
  phrases?: readonly string[];
  /** A phone (the page behind the QR code) has its own keyboard: a plain field. */
  native?: boolean;
}

/**
 * Where the kiosk asks for text: a large field that opens the on-screen pinyin keyboard (a kiosk has no physical
 * keyboard, and many people cannot type pinyin quickly, hence the 常用语 too). Handwriting is not offered.
 */
export function TextInput({ label, value, onChange, placeholder = '', maxLength = 100, phrases = [], native = false }: TextInputProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (native) {
    return (
      <label className="text-input">
        <span className="text-input-label">{label}</span>
        <input type="text" maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} />
      </label>
    );
  }
  return (
    <div className="text-input">
      <span className="text-input-label" id={`${id}-label`}>{label}</span>
      <div className="text-input-row">
      <button
        type="button"
        className={`text-input-field${open ? ' open' : ''}`}
        // Named by its label and what it shows (the text typed, or the hint): a voice-control user says what they see.
        aria-labelledby={`${id}-label ${id}-value`}
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        <span id={`${id}-value`} data-testid="text-input-value" className={value ? '' : 'text-input-placeholder'}>
          {value || placeholder || '点击此处输入'}
        </span>
      </button>
      <span className="text-input-count" aria-hidden="true">{[...value].length}/{maxLength}</span>
      </div>
      {open ? (
        <Suspense fallback={<p className="loading">正在打开键盘…</p>}>
          <Keyboard value={value} maxLength={maxLength} onChange={onChange} onDone={() => setOpen(false)} phrases={phrases} />
        </Suspense>
      ) : null}
    </div>
  );
}
