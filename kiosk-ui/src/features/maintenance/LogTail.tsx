import { useCallback, useEffect, useState } from 'react';
import { Notice } from '../../shared/kiosk';
import { fetchLog, type LogLine } from './api';
import { handleSessionError } from './session';

/** The daemon's recent log lines, redacted by the daemon, newest at the bottom. */
export function LogTail() {
  const [lines, setLines] = useState<LogLine[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    fetchLog(200).then(
      (r) => setLines(r.lines),
      (err) => handleSessionError(err) || setError((err as Error).message),
    );
  }, []);
  useEffect(load, [load]);
  return (
    <div>
      {error ? <Notice tone="error" title={error} /> : null}
      <div className="action-row">
        <button type="button" className="secondary-button" onClick={load}>
          刷新日志
        </button>
      </div>
      {lines?.length === 0 ? <Notice title="暂无日志" /> : null}
      <ol className="mnt-log" aria-label="日志">
        {(lines ?? []).map((l, i) => (
          <li key={i} className={`mnt-log-${l.level ?? 'info'}`}>
            <span className="mnt-time">{l.time ? new Date(l.time).toLocaleTimeString('zh-CN', { hour12: false }) : ''}</span>{' '}
            <strong>{l.level ?? ''}</strong> {l.msg ?? l.text}
            {l.msg ? <code className="mnt-log-raw">{l.text}</code> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
