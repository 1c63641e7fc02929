import { useState } from 'react';
import { simCall, type FaultAction } from './api';

/** Fault injection into a simulated device through its /api/sim routes (absent for real devices). */
export function FaultPanel({ device, actions, onDone }: { device: string; actions: readonly FaultAction[]; onDone(): void }) {
  const [message, setMessage] = useState<string | undefined>();
  if (actions.length === 0) return null;
  const act = async (i: number) => {
    const a = actions[i]!;
    try {
      await simCall(device, { method: a.method, path: a.path, body: a.body });
      setMessage(`已模拟：${a.label}`);
    } catch (err) {
      setMessage(`模拟失败：${(err as Error).message}`);
    }
    onDone();
  };
  return (
    <details className="mnt-faults">
      <summary>故障模拟</summary>
      <div className="mnt-fault-buttons">
        {actions.map((a, i) => (
          <button key={a.label} type="button" className="mnt-button mnt-button-small" onClick={() => void act(i)}>
            {a.label}
          </button>
        ))}
      </div>
      {message ? <p className="mnt-sub" role="status">{message}</p> : null}
    </details>
  );
}
