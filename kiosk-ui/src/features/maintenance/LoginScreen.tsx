import './maintenance.css';
import { useState } from 'react';
import { ApiError } from '@/shared/api/client';
import { InnerPage, Notice, NumberPad } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { login } from './api';
import { maintenanceSession } from './session';

/** The technician's PIN. Five wrong PINs lock maintenance for five minutes (the daemon counts). */
export type LoginParams = { expired?: boolean } | undefined;

export function LoginScreen({ params }: { params: LoginParams }) {
  const replace = useKiosk((s) => s.replace);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(params?.expired ? '维护会话因长时间无操作已结束，请重新输入 PIN' : undefined);

  const submit = async () => {
    setBusy(true);
    try {
      await login(pin);
      maintenanceSession.started();
      replace('maintenance.panel');
    } catch (err) {
      setPin('');
      setError(err instanceof ApiError ? err.message : '登录失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <InnerPage title="设备维护" busy={busy}>
      <div className="mnt-login">
        <p className="mnt-login-hint">请输入维护 PIN</p>
        {error ? <Notice tone="warn" title={error} /> : null}
        <NumberPad value={pin} onChange={setPin} maxLength={12} mask label="维护 PIN" />
        <button type="button" className="primary-button" disabled={pin.length < 4 || busy} onClick={() => void submit()}>
          确定
        </button>
      </div>
    </InnerPage>
  );
}
