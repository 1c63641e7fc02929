import type { Material, Page } from './api';

interface Props {
  material: Material;
  pages: Page[];
  active: boolean;
  disabled: boolean;
  onSelect(): void;
  onRetake(pageId: string): void;
  onDelete(pageId: string): void;
  onMove(pageId: string, by: -1 | 1): void;
}

/**
 * One required material: its name, whether it may be left out, a hint, and its scanned pages as
 * thumbnails with «重扫», «删除» and «前移»/«后移». Tapping the card makes it receive the next scan.
 */
export function MaterialCard({ material, pages, active, disabled, onSelect, onRetake, onDelete, onMove }: Props) {
  return (
    <li className={`scan-material${active ? ' active' : ''}`}>
      <button type="button" className="scan-material-head" aria-pressed={active} onClick={onSelect} disabled={disabled}>
        <span className="scan-material-name">{material.name}</span>
        <span className={`scan-badge${material.required ? '' : ' optional'}`}>{material.required ? '必需' : '非必需'}</span>
        <span className="scan-material-count">{pages.length ? `已扫 ${pages.length} 页` : '未扫描'}</span>
        {material.note ? <span className="scan-material-note">{material.note}</span> : null}
        {active ? <span className="scan-material-target">下一页扫描到这里</span> : null}
      </button>
      {pages.length ? (
        <ul className="scan-pages" aria-label={`${material.name}的页面`}>
          {pages.map((p, i) => (
            <li key={p.id} className="scan-page">
              <img src={p.thumbnailUrl} alt={`${material.name}第${i + 1}页`} />
              <span className="scan-page-no">第 {i + 1} 页</span>
              <div className="scan-page-actions">
                <button type="button" disabled={disabled || i === 0} onClick={() => onMove(p.id, -1)} aria-label={`第${i + 1}页前移`}>
                  ←
                </button>
                <button type="button" disabled={disabled} onClick={() => onRetake(p.id)} aria-label={`重扫第${i + 1}页`}>
                  重扫
                </button>
                <button type="button" disabled={disabled} onClick={() => onDelete(p.id)} aria-label={`删除第${i + 1}页`}>
                  删除
                </button>
                <button type="button" disabled={disabled || i === pages.length - 1} onClick={() => onMove(p.id, 1)} aria-label={`第${i + 1}页后移`}>
                  →
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
