import { InnerPage, Notice } from '@/shared/kiosk';
import { useQuery } from '@/shared/api/use-query';
import { useKiosk } from '@/shared/store';
import { useStandby } from '@/shared/kiosk/standby';
import { fetchCategories } from './api';

/** 取号 step 1: the business categories with the number of people waiting in each. */
export function CategoriesScreen() {
  const navigate = useKiosk((s) => s.navigate);
  // Drawn in advance while home is on show (app/Shell.tsx): it asks the daemon only once it is shown.
  const { data, error } = useQuery(useStandby() ? null : 'queue.categories', fetchCategories, { refetchOn: ['queue.*'] });
  const categories = data?.categories;

  return (
    <InnerPage title="取号 · 选择业务类别" voice="请选择您要办理的业务类别">
      {error ? <Notice tone="error" title="暂时无法取号">{error.message}</Notice> : null}
      <div className="category-grid">
        {(categories ?? []).map((c) => (
          <button
            key={c.id}
            type="button"
            className={`category-card${c.priority ? ' category-priority' : ''}`}
            disabled={!c.open || c.remainingToday === 0}
            onClick={() => {
              const category = { categoryId: c.id, categoryName: c.name };
              if (c.realName === 'off') navigate('queue.issue', category);
              else navigate('queue.identity', { ...category, realName: c.realName });
            }}
            aria-describedby={`category-more-${c.id}`}
          >
            <span className="category-prefix" aria-hidden="true">
              {c.id}
            </span>
            <span className="category-name">{c.name}</span>
            {/* Named by the category alone (label in name); description and waiting are its description. */}
            <span className="category-more" id={`category-more-${c.id}`} aria-hidden="true">
            {c.description ? <span className="category-desc">{c.description}</span> : null}
            <span className={`category-waiting${c.crowded ? ' crowded' : ''}`}>
              {!c.open
                ? `取号时间 ${c.hours.map((h) => `${h.from}-${h.to}`).join('、')}`
                : c.remainingToday === 0
                  ? '今日号源已取完'
                  : `等候 ${c.waiting} 人${c.estimatedWait ? ` · ${c.estimatedWait.text}` : ''}`}
            </span>
            </span>
          </button>
        ))}
      </div>
      {categories === undefined && !error ? <p className="loading">正在加载…</p> : null}
    </InnerPage>
  );
}
