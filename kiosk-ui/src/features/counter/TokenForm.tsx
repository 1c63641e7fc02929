import { useState } from 'react';

/** For a window PC that runs without sign-in: the window's own token, asked once and kept in this browser. */
export function TokenForm({ counter, error, onToken }: { counter: number; error?: string; onToken: (t: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      className="cp-token"
      onSubmit={(e) => {
        e.preventDefault();
        onToken(value.trim());
      }}
    >
      <h2>免登录窗口电脑</h2>
      <label>
        窗口口令
        <input type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} aria-label="窗口口令" />
      </label>
      {error ? <p className="cp-error" role="alert">{error}</p> : null}
      <button type="submit" className="cp-primary" disabled={!value.trim()}>
        进入
      </button>
    </form>
  );
}
