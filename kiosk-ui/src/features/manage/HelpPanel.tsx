import { useEffect, useState } from 'react';
import { useHelpChime } from '@/shared/api/chime';
import { useQuery } from '@/shared/api/use-query';
import { fetchHelp, helpAction, sessionEnded, type HelpRequest } from './api';

const ago = (iso: string) => `${Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000))} 分钟前`;

/**
 * 帮办请求 of every kiosk of the hall (the `help.*` events are relayed hall-wide), rung on arrival. A manager may
 * take one («我来帮办») and close it («帮办完成»), as window staff do: the daemon's staff guard accepts a manager.
 */
export function HelpPanel({ token, me, onSignedOut }: { token: string; me: string; onSignedOut: () => void }) {
  const list = useQuery(`manage.help.${token.slice(0, 8)}`, () => fetchHelp(token), { refetchOn: ['help.*', 'hall.link'] });
  const [error, setError] = useState('');
  useHelpChime();
  const ended = sessionEnded(list.error);
  useEffect(() => { if (ended) onSignedOut(); }, [ended, onSignedOut]);
  const act = (r: HelpRequest, action: 'take' | 'close') =>
    helpAction(token, r.id, action).then(() => { setError(''); list.refetch(); }, (e: Error) => setError(e.message));
  const requests = list.data?.requests ?? [];
  return (
    <section aria-label="帮办请求">
      <h2 className="mg-subtitle">帮办请求 {requests.length ? `（${requests.length}）` : ''}</h2>
      {error ? <p className="mg-error" role="alert">{error}</p> : null}
      {requests.length === 0 ? <p className="mg-empty">没有待处理的帮办请求</p> : (
        <ul className="mg-help">
          {requests.map((r) => (
            <li key={r.id} data-testid="help-request">
              <span>
                {r.kioskId} 号自助机 · {r.screen}{r.elder ? ' · 关爱模式' : ''} · {ago(r.requestedAt)}
                {r.state === 'taken' ? ` · ${r.takenBy?.name ?? `${r.takenAtCounter ?? ''}号窗口`}正在前往` : ' · 待帮办'}
              </span>
              {r.state === 'open' ? <button type="button" className="mg-filter" onClick={() => void act(r, 'take')}>我来帮办</button> : null}
              {r.state === 'taken' && r.takenBy?.id === me ? <button type="button" className="mg-filter" onClick={() => void act(r, 'close')}>帮办完成</button> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
