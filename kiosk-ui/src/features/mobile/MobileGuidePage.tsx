import { useEffect, type ComponentType } from 'react';
import { useQuery } from '@/shared/api/use-query';
import { get } from '@/shared/api/client';
import type { Guide } from '@daemon/guides/types';
import { fetchHallName } from './api';
import './mobile.css';

export type GuideViewComponent = ComponentType<{ guide: Guide }>;

const fetchGuide = (code: string, signal: AbortSignal) => get<{ guide: Guide }>(`/api/guides/${encodeURIComponent(code)}`, signal);

/**
 * The phone page behind the 一次性告知单's QR code (`/m/g/<code>`): the same 办事指南 as the kiosk showed, to read
 * again at home while gathering the materials. The guide's view is handed in by the app (features do not import
 * each other), so the kiosk and the phone say the same words.
 */
export function MobileGuidePage({ match, GuideView }: { match: RegExpMatchArray; GuideView: GuideViewComponent }) {
  const code = decodeURIComponent(match[1] ?? '');
  const hall = useQuery('kiosk', fetchHallName).data?.hall.name ?? '政务服务中心';
  const query = useQuery(`guide.${code}`, (signal) => fetchGuide(code, signal), { retryMs: [5000] });
  const guide = query.data?.guide;
  const error = !query.error ? undefined : query.error.status === 404 ? '没有找到这个事项，请核对二维码' : '暂时无法连接，正在重试…';

  useEffect(() => {
    document.title = guide ? `${guide.name} · 办事指南` : '办事指南';
  }, [guide]);

  return (
    <div className="m-page m-guide">
      <header className="m-header">{hall} · 一次性告知</header>
      {error ? <p className="m-error" role="alert">{error}</p> : null}
      {guide ? (
        <div className="m-card">
          <GuideView guide={guide} />
        </div>
      ) : null}
      <p className="m-note">材料以窗口受理时的要求为准，如有疑问请拨打咨询电话或咨询大厅工作人员。</p>
    </div>
  );
}
