import { useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { signIn } from './staff-api';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '清除', '0', '删除'];

/** 工号 + PIN (on-screen number pad, so a touch window works without a keyboard) and the post: A岗 or B岗. */
export function StaffSignIn({ counter, onSignedIn }: { counter: number; onSignedIn: (token: string) => void }) {
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [post, setPost] = useState<'A' | 'B'>('A');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const key = (k: string) => setPin((p) => (k === '清除' ? '' : k === '删除' ? p.slice(0, -1) : p.length < 12 ? p + k : p));
  return (
    <form
      className="cp-token cp-signin"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        signIn(counter, staffId.trim(), pin, post).then(
          (r) => onSignedIn(r.token),
          (err: ApiError) => {
            setError(err.message);
            setPin('');
            setBusy(false);
          },
        );
      }}
    >
      <h2>{counter}号窗口 · 工作人员登录</h2>
      <label>
        工号
        <input value={staffId} onChange={(e) => setStaffId(e.target.value)} autoComplete="off" aria-label="工号" maxLength={20} />
      </label>
      <label>
        密码
        <input type="password" value={pin} readOnly aria-label="密码" placeholder="请用下方数字键输入" />
      </label>
      <div className="cp-pad" role="group" aria-label="数字键">
        {KEYS.map((k) => (
          <button key={k} type="button" className="cp-button" onClick={() => key(k)}>{k}</button>
        ))}
      </div>
      <fieldset className="cp-posts">
        <legend>岗位</legend>
        <label><input type="radio" name="post" checked={post === 'A'} onChange={() => setPost('A')} /> A岗（主岗）</label>
        <label><input type="radio" name="post" checked={post === 'B'} onChange={() => setPost('B')} /> B岗（备岗）</label>
      </fieldset>
      {error ? <p className="cp-error" role="alert">{error}</p> : null}
      <button type="submit" className="cp-primary" disabled={busy || !staffId.trim() || pin.length < 4}>登录</button>
    </form>
  );
}
