import { useQuery } from '@/shared/api/use-query';
import { Notice } from '@/shared/kiosk';
import { fetchLog, type LogLine } from './api';
import { useSessionQueryError } from './session';

/** The daemon's recent log lines, redacted by the daemon, newest at the bottom. */
export function LogTail() {
  const query = useQuery('maintenance.log', () => fetchLog(200));
  const lines: LogLine[] | undefined = query.data?.lines;
  const error = useSessionQueryError(query.error);
  const load = query.refetch;
  return (
    <div>
      {error ? <Notice tone="error" title={error} /> : null}
      <div className="action-row">
        <button type="button" className="secondary-button" onClick={load}>
          刷新日志
        </button>
      </div>
      {lines?.length === 0 ? <Notice title="暂无日志" /> : null}
      {/* A scrolling region a keyboard can reach (scrollable-region-focusable). */}
      <ol className="mnt-log" aria-label="日志" tabIndex={0}>
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
