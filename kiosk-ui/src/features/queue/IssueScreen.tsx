import { useCallback, useEffect, useRef, useState } from 'react';
import { InnerPage, Notice } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { ApiError } from '@/shared/api/client';
import { issueTicket, type IssueRequest } from './api';

export interface IssueParams {
  categoryId: string;
  categoryName: string;
  identitySessionId?: string;
  priority?: boolean;
}

/**
 * 取号 step 2: takes the number and prints it. A printer that cannot print takes no number: the person is told
 * why in plain words and may take a number shown on screen instead.
 */
export function IssueScreen({ params }: { params: IssueParams }) {
  const replace = useKiosk((s) => s.replace);
  const [state, setState] = useState<{ kind: 'printing' } | { kind: 'error'; error: ApiError }>({ kind: 'printing' });
  const started = useRef(false);

  const { categoryId, identitySessionId, priority } = params;
  const issue = useCallback((delivery: 'print' | 'screen') => {
    setState({ kind: 'printing' });
    const req: IssueRequest = { categoryId, delivery };
    if (identitySessionId) req.identitySessionId = identitySessionId;
    if (priority) req.priority = true;
    issueTicket(req).then(
      (r) => replace('queue.ticket', { ticket: r.ticket, printError: r.printError }),
      (e: unknown) => setState({ kind: 'error', error: e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e), 0) }),
    );
  }, [categoryId, identitySessionId, priority, replace]);

  // One number per visit of this screen: the first render prints, later renders never take another.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    issue('print');
  }, [issue]);

  if (state.kind === 'printing') {
    return (
      <InnerPage title={`取号 · ${params.categoryName}`} busy voice="正在为您取号，请稍候">
        <div className="printing" role="status">
          <div className="spinner" aria-hidden="true" />
          <p className="printing-text">正在出号，请稍候…</p>
        </div>
      </InnerPage>
    );
  }

  const { error } = state;
  const printerProblem = error.code === 'PRINTER_NOT_READY';
  return (
    <InnerPage title={`取号 · ${params.categoryName}`} voice={error.message}>
      <Notice tone="error" title={printerProblem ? '凭条打印机暂时无法打印' : '取号未成功'}>
        <p>{error.message}</p>
        {printerProblem ? <p>号码还没有发出，不会过号。您可以改为在屏幕上显示号码，用手机扫码随时查看排队进度。</p> : null}
      </Notice>
      <div className="action-row">
        {printerProblem ? (
          <button type="button" className="primary-button" onClick={() => issue('screen')}>
            屏幕显示号码
          </button>
        ) : null}
        {error.code === 'NETWORK' || error.code === 'INTERNAL' ? (
          <button type="button" className="primary-button" onClick={() => issue('print')}>
            重试
          </button>
        ) : null}
      </div>
    </InnerPage>
  );
}
