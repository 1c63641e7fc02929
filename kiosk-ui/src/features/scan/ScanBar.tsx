import type { ScanJob } from './api';

interface Props {
  material?: string;
  job: ScanJob | null;
  pageCount: number;
  maxPages?: number;
  pending: boolean;
  onScan(): void;
  onCancel(): void;
  onFinish(): void;
}

/**
 * ② 扫描: the one «开始扫描» button (into the chosen material), the page's progress, and «完成». The scanner is
 * free again once a page is read: while the daemon still compresses it (`processing`) the next page may start,
 * and «完成» waits on the daemon for pages still being processed.
 */
export function ScanBar({ material, job, pageCount, maxPages, pending, onScan, onCancel, onFinish }: Props) {
  const running = job?.state === 'scanning';
  const processing = job?.state === 'processing';
  const full = maxPages !== undefined && pageCount >= maxPages;
  return (
    <div className="scan-bar">
      <div className="scan-status" aria-live="polite">
        {running ? (
          <>
            <div className="scan-status-text">正在扫描… {job.percent}%</div>
            <div className="scan-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={job.percent} aria-label="扫描进度">
              <div className="scan-progress-fill" style={{ width: `${job.percent}%` }} />
            </div>
          </>
        ) : job?.state === 'failed' ? (
          <div className="scan-failed" role="alert">
            <div className="scan-status-text">这一页没有扫描成功：{job.error?.message}</div>
            <div className="scan-hint">已扫描的页面都还在，处理好后请再按「开始扫描」</div>
          </div>
        ) : (
          <div className="scan-status-text">
            {processing ? '上一页正在处理，可以放下一页 · ' : ''}
            {material ? `扫描到：${material}` : '请选择材料'} · 共 {pageCount} 页{full ? `（已达上限 ${maxPages} 页）` : ''}
          </div>
        )}
      </div>
      {running ? (
        <button type="button" className="secondary-button" onClick={onCancel}>
          取消本页
        </button>
      ) : (
        <button type="button" className="primary-button" onClick={onScan} disabled={pending || !material || full}>
          开始扫描
        </button>
      )}
      <button type="button" className="primary-button scan-finish" onClick={onFinish} disabled={running || pending || pageCount === 0}>
        完成
      </button>
    </div>
  );
}
