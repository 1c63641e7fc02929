import { useState } from 'react';
import { InnerPage, Notice } from '@/shared/kiosk';
import { ApiError } from '@/shared/api/client';
import { useQuery } from '@/shared/api/use-query';
import { fetchGuide, printGuide } from './api';
import { GuideView } from './GuideView';

export interface GuideParams {
  code: string;
}

type Printing = { state: 'idle' | 'printing' | 'printed' } | { state: 'failed'; message: string };

/**
 * 办事指南 ② one 事项 in large type, and «打印一次性告知单»: the same guide on the ticket printer with a QR code to
 * the phone page (`/m/g/<code>`), so the person leaves with the whole list of materials at once.
 */
export function GuideScreen({ params }: { params: GuideParams }) {
  const { data, error } = useQuery(`guides.one.${params.code}`, (signal) => fetchGuide(params.code, signal), { retryMs: [2000] });
  const [printing, setPrinting] = useState<Printing>({ state: 'idle' });
  const print = () => {
    setPrinting({ state: 'printing' });
    printGuide(params.code).then(
      () => setPrinting({ state: 'printed' }),
      (e: unknown) => setPrinting({ state: 'failed', message: e instanceof ApiError ? e.message : '告知单未能打印，请稍后再试' }),
    );
  };
  const footer = data ? (
    <div className="guide-bar">
      <div className="guide-bar-status" aria-live="polite">
        {printing.state === 'printed' ? '已打印，请取走下方出口的一次性告知单' : printing.state === 'printing' ? '正在打印…' : '告知单上有二维码，可用手机随时查看'}
      </div>
      <button type="button" className="primary-button" disabled={printing.state === 'printing'} onClick={print}>
        打印一次性告知单
      </button>
    </div>
  ) : undefined;

  return (
    <InnerPage title="办事指南" voice={data ? `${data.guide.name}，共需${data.guide.materials.length}项材料` : undefined} busy={printing.state === 'printing'} footer={footer}>
      {printing.state === 'failed' ? <Notice tone="warn" title="告知单未能打印">{printing.message}</Notice> : null}
      {data ? <GuideView guide={data.guide} /> : error ? (
        <Notice tone="error" title={error.status === 404 ? '没有这个事项' : '暂时无法读取办事指南'}>{error.message}</Notice>
      ) : (
        <p className="loading">正在加载…</p>
      )}
    </InnerPage>
  );
}
