import { useEffect, useMemo, useRef, useState } from 'react';
import lexicon from './lexicon.json';
import { PinyinEngine } from './engine';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const PAGE = 8;
const engine = new PinyinEngine(lexicon);

export interface KeyboardProps {
  value: string;
  maxLength: number;
  onChange(value: string): void;
  onDone(): void;
  /** Whole phrases a person can take with one touch (常用语), before or instead of typing. */
  phrases: readonly string[];
}

/**
 * The on-screen pinyin keyboard (a lazily loaded chunk, with its lexicon): letters in the QWERTY order of every
 * phone and terminal keyboard, the candidates above them, a row of 常用语, «分隔» between syllables, «删除»,
 * «清空» and «完成». Large keys, no physical keyboard needed.
 */
export default function Keyboard({ value, maxLength, onChange, onDone, phrases }: KeyboardProps) {
  const [typed, setTyped] = useState('');
  const [page, setPage] = useState(0);
  const candidates = useMemo(() => engine.candidates(typed), [typed]);
  const shown = candidates.slice(page * PAGE, page * PAGE + PAGE);
  const room = maxLength - value.length;
  const root = useRef<HTMLDivElement>(null);
  // The keys open below the field: bring them into view on a portrait screen or in 关爱模式's larger type.
  // A block body: Chromium's scrollIntoView now returns a promise, which React would take for a clean-up.
  useEffect(() => {
    void root.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  const type = (next: string) => {
    setTyped(next);
    setPage(0);
  };
  const put = (text: string) => onChange((value + text).slice(0, maxLength));
  const erase = () => (typed ? type(typed.slice(0, -1)) : onChange([...value].slice(0, -1).join('')));

  return (
    <div className="ime" role="group" aria-label="拼音键盘" ref={root}>
      <div className="ime-candidates" aria-label="候选字词">
        <span className="ime-typed" aria-live="polite">{typed || '请输入拼音'}</span>
        {shown.map((c) => (
          <button key={c.text} type="button" className="ime-candidate" disabled={room < [...c.text].length} onClick={() => { put(c.text); type(c.rest); }}>
            {c.text}
          </button>
        ))}
        {candidates.length > PAGE ? (
          <>
            <button type="button" className="ime-key" aria-label="上一页候选" disabled={page === 0} onClick={() => setPage(page - 1)}>‹</button>
            <button type="button" className="ime-key" aria-label="下一页候选" disabled={(page + 1) * PAGE >= candidates.length} onClick={() => setPage(page + 1)}>›</button>
          </>
        ) : null}
      </div>
      {phrases.length > 0 ? (
        <div className="ime-phrases" role="group" aria-label="常用语">
          {phrases.map((p) => (
            <button key={p} type="button" className="ime-phrase" disabled={room < [...p].length} onClick={() => put(p)}>
              {p}
            </button>
          ))}
        </div>
      ) : null}
      {ROWS.map((row) => (
        <div key={row} className="ime-row">
          {[...row].map((k) => (
            <button key={k} type="button" className="ime-key" disabled={typed.length >= 24} onClick={() => type(typed + k)}>
              {k}
            </button>
          ))}
        </div>
      ))}
      <div className="ime-row">
        <button type="button" className="ime-key ime-wide" onClick={() => type(typed ? `${typed}'` : typed)} disabled={!typed}>分隔</button>
        <button type="button" className="ime-key ime-wide" onClick={() => put('，')} disabled={room < 1 || !!typed}>，</button>
        <button type="button" className="ime-key ime-wide" onClick={() => put('。')} disabled={room < 1 || !!typed}>。</button>
        <button type="button" className="ime-key ime-wide" onClick={erase}>删除</button>
        <button type="button" className="ime-key ime-wide" onClick={() => { type(''); onChange(''); }}>清空</button>
        <button type="button" className="ime-key ime-done" onClick={() => { type(''); onDone(); }}>完成</button>
      </div>
    </div>
  );
}
