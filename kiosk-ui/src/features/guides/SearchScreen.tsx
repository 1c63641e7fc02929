import { useState } from 'react';
import { InnerPage, Notice, TextInput } from '@/shared/kiosk';
import { useQuery } from '@/shared/api/use-query';
import { useKiosk } from '@/shared/store';
import { searchGuides } from './api';
import { LetterPad } from './LetterPad';

type Mode = 'letters' | 'name';

/**
 * 办事指南 (一次性告知) ① find the 事项: by the pinyin initials on large letter keys, or by its name with the kiosk's
 * pinyin keyboard. Every 事项 is listed until the person types; a touch opens its guide.
 */
export function SearchScreen() {
  const navigate = useKiosk((s) => s.navigate);
  const [mode, setMode] = useState<Mode>('letters');
  const [q, setQ] = useState('');
  const found = useQuery(`guides.search.${q}`, (signal) => searchGuides(q, signal), { retryMs: [2000] });
  const guides = found.data?.guides;
  const switchTo = (m: Mode) => {
    setMode(m);
    setQ('');
  };

  return (
    <InnerPage title="办事指南" voice="请输入事项名称的拼音首字母，或点击事项查看办事指南">
      <div className="guide-search">
        <div className="guide-input">
          <div className="guide-modes" role="tablist" aria-label="查找方式">
            <button type="button" role="tab" aria-selected={mode === 'letters'} className={`guide-mode${mode === 'letters' ? ' on' : ''}`} onClick={() => switchTo('letters')}>
              按拼音首字母
            </button>
            <button type="button" role="tab" aria-selected={mode === 'name'} className={`guide-mode${mode === 'name' ? ' on' : ''}`} onClick={() => switchTo('name')}>
              按事项名称
            </button>
          </div>
          {mode === 'letters' ? (
            <>
              <div className="guide-typed" aria-live="polite" data-testid="guide-query">
                {q ? q.toUpperCase() : '例：户口迁移 → HKQY'}
              </div>
              <LetterPad value={q} onChange={setQ} />
            </>
          ) : (
            <TextInput label="事项名称" value={q} onChange={setQ} maxLength={20} placeholder="点击输入事项名称" />
          )}
        </div>
        <div className="guide-results" aria-label="办理事项">
          {found.error && !guides ? <Notice tone="error" title="暂时无法读取办事指南">{found.error.message}</Notice> : null}
          {guides && guides.length === 0 ? <p className="guide-empty">没有找到相关事项，请换个说法或咨询工作人员</p> : null}
          {!guides && !found.error ? <p className="loading">正在加载…</p> : null}
          {guides?.map((g) => (
            <button key={g.code} type="button" className="guide-result" onClick={() => navigate('guides.detail', { code: g.code })}>
              <span className="guide-result-name">{g.name}</span>
              <span className="guide-result-meta">
                {g.department ? `${g.department} · ` : ''}材料 {g.materials.length} 项
              </span>
            </button>
          ))}
        </div>
      </div>
    </InnerPage>
  );
}
