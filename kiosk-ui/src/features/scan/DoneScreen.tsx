import { InnerPage, Notice } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import type { Receipt, Submission } from './api';

/** The PDF is made: the submission number large, and whether the receipt (回执) came out. */
export interface DoneParams {
  submission: Submission;
  receipt: Receipt;
}

export function DoneScreen({ params }: { params: DoneParams }) {
  const home = useKiosk((s) => s.home);
  const { submission, receipt } = params;
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
        <button type="button" className="primary-button" onClick={() => home('done')}>
          完成
        </button>
      </div>
    </InnerPage>
  );
}
