import { InnerPage, Notice, type SessionTicket } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import type { Receipt, Submission } from './api';

/** The PDF is made: the submission number large, and whether the receipt (回执) came out. */
export interface DoneParams {
  submission: Submission;
  receipt: Receipt;
  /** The ticket of this session the materials are linked to; without one, «去取号» links the next. */
  ticket?: SessionTicket;
  /** Required materials the person chose to hand in later (also on the receipt). */
  missing?: string[];
}

export function DoneScreen({ params }: { params: DoneParams }) {
  const home = useKiosk((s) => s.home);
  const navigate = useKiosk((s) => s.navigate);
  const { submission, receipt, ticket, missing = [] } = params;
  const scanned = submission.pageCount;
  return (
    <InnerPage title="扫描完成" voice={`材料已提交，提交编号${submission.number.split('').join(' ')}`}>
      <div className="ticket-result">
        <div className="ticket-card" aria-label="提交编号">
          <div className="ticket-category">{submission.matterName}</div>
          <div className="scan-number" data-testid="scan-number">
            {submission.number}
          </div>
          <div className="ticket-ahead">材料共 {scanned} 页，已生成电子文件</div>
        </div>
        {receipt.printed ? (
          <Notice tone="ok" title="请取走下方出口的回执">凭回执上的提交编号到综合窗口办理。</Notice>
        ) : (
          <Notice tone="warn" title="回执未能打印，材料已保存">
            {receipt.error?.message ? <p>{receipt.error.message}</p> : null}
            <p>请记下屏幕上的提交编号（可用手机拍照），到综合窗口办理。</p>
          </Notice>
        )}
        {missing.length ? (
          <Notice tone="warn" title="以下材料尚未提交，请到窗口补交">
            <p data-testid="scan-missing">{missing.join('、')}</p>
          </Notice>
        ) : null}
        <div className="ticket-actions scan-done-actions">
          {ticket ? (
            <p className="scan-linked" data-testid="scan-linked">材料已关联您的号码 {ticket.number}，窗口叫号时即可查看</p>
          ) : (
            <p className="scan-linked">还没有取号？现在取号，材料将自动关联到您的号码。</p>
          )}
          {ticket ? null : (
            <button type="button" className="secondary-button" onClick={() => navigate('queue.categories')}>
              去取号
            </button>
          )}
          <button type="button" className="primary-button" onClick={() => home('done')}>
            完成
          </button>
        </div>
      </div>
    </InnerPage>
  );
}
