import { useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { signIn, type ManagerSession } from './api';

/** 工号 and PIN of a staff member with the manager role. */
export function SignIn({ onSession }: { onSession: (s: ManagerSession) => void }) {
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="mg-signin"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError('');
        signIn(staffId.trim(), pin)
          .then(onSession)
          .catch((err: unknown) => setError(err instanceof ApiError ? err.message : '登录失败'))
          .finally(() => {
            setBusy(false);
            setPin('');
          });
      }}
    >
      <h1>大厅管理 · 登录</h1>
      <label>
        工号
        <input value={staffId} onChange={(e) => setStaffId(e.target.value)} autoComplete="username" aria-label="工号" />
      </label>
      <label>
        密码
        <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="current-password" aria-label="密码" />
      </label>
      {error ? <p className="mg-error" role="alert">{error}</p> : null}
      <button type="submit" className="mg-primary" disabled={busy || !staffId.trim() || pin.length < 4}>
        登录
      </button>
    </form>
  );
}
