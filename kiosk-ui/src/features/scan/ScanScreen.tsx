import { useEffect, useState, useSyncExternalStore } from 'react';
import { InnerPage, Notice, sessionTicket, useConfirm } from '@/shared/kiosk';
import { useEvent } from '@/shared/api/use-event';
import { useQuery } from '@/shared/api/use-query';
import { useKiosk } from '@/shared/store';
import { fetchMatters } from './api';
import { ScanFlow } from './scan-flow';
import { MatterPicker } from './MatterPicker';
import { MaterialCard } from './MaterialCard';
import { ScanBar } from './ScanBar';
import { DeskPreview } from './DeskPreview';
import { CoverIdentity } from './CoverIdentity';
import { linkWhenTicketTaken } from './ticket-link';

/**
 * 材料扫描: the matter (事项) with every material it needs, told at once (一次性告知); the chosen material
 * receives the pages «开始扫描» makes; «完成» turns everything into one PDF. The scan runs on the daemon:
 * progress arrives as events, and the screen never waits on it.
 */
export function ScanScreen() {
  const navigate = useKiosk((s) => s.navigate);
  const back = useKiosk((s) => s.back);
  const [flow] = useState(() => new ScanFlow());
  const { ask, dialog } = useConfirm();
  // The ticket taken earlier in this session, if any: the window that calls it opens these materials.
  const [ticket] = useState(sessionTicket);
  useEffect(() => flow.setTicket(ticket?.id), [flow, ticket]);
  const { matterId, activeMaterialId, submission, error, pending } = useSyncExternalStore(flow.subscribe, flow.getState);
  const { data, error: loadError } = useQuery('scan.matters', fetchMatters);
  const matters = data?.matters ?? [];

  useEffect(() => data && flow.offer(data.matters), [data, flow]);
  // The person left (back, home, countdown): the daemon forgets their scans now, not at the next sweep.
  useEffect(() => () => void flow.discard(), [flow]);

  // Progress of this submission's scan; a finished page (or a failure) reloads the submission.
  useEvent(['scan.progress', 'scan.page'], (e) => {
    if (e.submissionId !== flow.getState().submission?.id) return;
    if (e.type === 'scan.progress') flow.progress(e.jobId, e.state, e.percent);
    else void flow.refresh();
  });

  // Events may be missed while the socket reconnects: a running job is also polled.
  const running = submission?.job?.state === 'scanning' || submission?.job?.state === 'processing';
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => void flow.refresh(), 1000);
    return () => clearInterval(t);
  }, [running, flow]);

  const matter = matters.find((m) => m.id === matterId);
  const pagesOf = (id: string) => submission?.materials.find((m) => m.id === id)?.pages ?? [];
  const finish = async () => {
    const result = await flow.finish();
    if (!result) return;
    if (!ticket) linkWhenTicketTaken(result.submission.id);
    navigate('scan.done', { ...result, ...(ticket ? { ticket } : {}), missing });
  };
  // Required materials without a page are named before «完成»: the person confirms handing them in later (容缺).
  const missing = flow.missingRequired(matters.find((m) => m.id === matterId));
  const askFinish = () => {
    if (!missing.length) return void finish();
    ask(
      {
        title: `还有 ${missing.length} 项必需材料未扫描`,
        body: (
          <>
            <ul className="scan-missing">{missing.map((m) => <li key={m}>{m}</li>)}</ul>
            <p>确定现在完成吗？未扫描的材料请到窗口办理时补交，回执上会列出。</p>
          </>
        ),
        confirmLabel: '确定完成',
        keepLabel: '继续扫描',
      },
      () => void finish(),
    );
  };
  const leave = () => void flow.discard().then(back);
  // Scanned pages are the person's work: changing the matter or deleting a page asks first (InnerPage asks
  // on «返回», «首页» and before the countdown ends).
  const pageCount = submission?.pageCount ?? 0;
  const unsaved = pageCount > 0 ? `已扫描的 ${pageCount} 页` : undefined;
  const selectMatter = (m: (typeof matters)[number]) => {
    if (m.id === matterId) return;
    const change = () => void flow.selectMatter(m);
    if (!unsaved) return change();
    ask({ title: `更换为「${m.name}」吗？`, body: <p>更换办理事项后，{unsaved}将被清除。</p>, confirmLabel: '更换并清除' }, change);
  };
  const deletePage = (pageId: string, label: string) =>
    ask({ title: `删除${label}吗？`, body: <p>删除后需要重新扫描。</p>, confirmLabel: '删除', keepLabel: '保留' }, () => void flow.removePage(pageId));

  const bar = (
    <ScanBar
      material={matter?.materials.find((m) => m.id === activeMaterialId)?.name}
      job={submission?.job ?? null}
      pageCount={submission?.pageCount ?? 0}
      maxPages={submission?.maxPages}
      pending={pending}
      onScan={() => void flow.scan()}
      onCancel={() => void flow.cancel()}
      onFinish={askFinish}
    />
  );

  return (
    <InnerPage title="材料扫描" voice="请选择办理事项，把材料放到扫描仪上，然后按开始扫描" busy={running || pending} onBack={leave} unsaved={unsaved} footer={bar}>
      <div className="scan-layout">
        <aside className="scan-side">
          <MatterPicker matters={matters} selected={matterId} locked={running} onSelect={selectMatter} />
          {ticket ? <p className="scan-hint" data-testid="scan-ticket">材料将随您的号码 {ticket.number} 送到办理窗口</p> : null}
          <CoverIdentity onCard={(sessionId) => flow.setCoverIdentity(sessionId)} />
        </aside>
        <div className="scan-main">
          {error ? <Notice tone="error" title="操作未完成">{error}</Notice> : null}
          <DeskPreview paused={running || pending} />
          {loadError && !matter ? <Notice tone="error" title="暂时无法读取办理事项">{loadError.message}</Notice> : null}
          {matter ? (
            <ol className="scan-materials" aria-label="所需材料">
              {matter.materials.map((m) => (
                <MaterialCard
                  key={m.id}
                  material={m}
                  pages={pagesOf(m.id)}
                  active={m.id === activeMaterialId}
                  disabled={running || pending}
                  onSelect={() => flow.selectMaterial(m.id)}
                  onRetake={(pageId) => {
                    flow.selectMaterial(m.id);
                    void flow.scan(pageId);
                  }}
                  onDelete={(pageId) => deletePage(pageId, `「${m.name}」的第${pagesOf(m.id).findIndex((p) => p.id === pageId) + 1}页`)}
                  onMove={(pageId, by) => void flow.movePage(m.id, pageId, by)}
                />
              ))}
            </ol>
          ) : loadError ? null : (
            <p className="loading">正在加载…</p>
          )}
        </div>
      </div>
      {dialog}
    </InnerPage>
  );
}
