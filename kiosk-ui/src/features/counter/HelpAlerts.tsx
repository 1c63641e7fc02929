import { useState } from 'react';
import { useHelpChime } from '@/shared/api/chime';
import { useQuery } from '@/shared/api/use-query';
import { fetchHelp, helpAction, type HelpRequest } from './help-api';

const since = (iso: string) => `${Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000))} 分钟前`;

/**
 * 帮办代办 at the window (and on the manager's page): open requests from the kiosks, rung on arrival; «我来帮办»
 * takes one, «帮办完成» closes it. Refetched on every `help.*` event (relayed hall-wide).
 */
export function HelpAlerts({ token, me }: { token: string; me?: string }) {
  const list = useQuery(token ? `help.active.${token.slice(0, 8)}` : null, () => fetchHelp(token), { refetchOn: ['help.*', 'hall.link'] });
  const [error, setError] = useState<string>();
  useHelpChime();
  const act = (r: HelpRequest, action: 'take' | 'close') =>
    helpAction(token, r.id, action).then(() => setError(undefined), (e: Error) => setError(e.message));
  const requests = list.data?.requests ?? [];
  if (!requests.length && !error) return null;
  return (
    <section className="cp-help" aria-label="帮办请求" role="region">
      <h2>帮办请求</h2>
      {error ? <p className="cp-error" role="alert">{error}</p> : null}
      {requests.map((r) => (
        <div key={r.id} className={`cp-help-row ${r.state}`} data-testid="help-request">
          <span>
            {r.kioskId} 号自助机 · {r.screen}{r.elder ? ' · 关爱模式' : ''} · {since(r.requestedAt)}
            {r.state === 'taken' ? ` · ${r.takenBy?.name ?? `${r.takenAtCounter ?? ''}号窗口`}正在前往` : ''}
          </span>
          {r.state === 'open' ? <button type="button" className="cp-primary" onClick={() => void act(r, 'take')}>我来帮办</button> : null}
          {r.state === 'taken' && (!me || r.takenBy?.id === me) ? (
            <button type="button" className="cp-button" onClick={() => void act(r, 'close')}>帮办完成</button>
          ) : null}
        </div>
      ))}
    </section>
  );
}
