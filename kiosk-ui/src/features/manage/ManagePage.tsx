import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { events } from '@/shared/api/events';
import { loadSession, saveSession, signOut, type ManagerSession } from './api';
import { SignIn } from './SignIn';
import { WorkordersTab } from './WorkordersTab';
import { StatisticsTab } from './StatisticsTab';
import { LiveTab } from './LiveTab';
import './manage.css';

/** 推演 is lazy: the simulation's page is for managers who open it. */
const WhatIfTab = lazy(() => import('./WhatIfTab'));

export interface TabProps {
  session: ManagerSession;
  /** The session ended (401): back to sign-in. */
  onSignedOut: () => void;
}

/**
 * The hall manager's console at /manage: a shell of tabs. 差评工单 is the first; the live hall, statistics and
 * reports (issue 14) are added as further entries here, each a component taking the session.
 */
const TABS: { id: string; title: string; component: ComponentType<TabProps> }[] = [
  { id: 'workorders', title: '差评工单', component: WorkordersTab },
  { id: 'live', title: '实时大厅', component: LiveTab },
  { id: 'statistics', title: '统计报表', component: StatisticsTab },
  { id: 'whatif', title: '推演', component: WhatIfTab },
];

export default function ManagePage() {
  const [session, setSession] = useState<ManagerSession | null>(loadSession);
  const [tab, setTab] = useState(TABS[0]!.id);
  // The hall's events (WebSocket) drive the live hall, help requests and today's statistics: opened with the page.
  useEffect(() => events.start(), []);
  const use = (s: ManagerSession | null) => {
    saveSession(s);
    setSession(s);
  };
  if (!session) return <div className="manage-page"><SignIn onSession={use} /></div>;
  const Active = TABS.find((t) => t.id === tab)!.component;
  return (
    <div className="manage-page">
      <header className="mg-header">
        <h1>大厅管理</h1>
        <nav role="tablist" aria-label="管理功能">
          {TABS.map((t) => (
            <button key={t.id} role="tab" aria-selected={t.id === tab} className="mg-tab" onClick={() => setTab(t.id)}>
              {t.title}
            </button>
          ))}
        </nav>
        <span className="mg-who">
          {session.staff.name}（{session.staff.id}）
        </span>
        <button
          className="mg-link"
          onClick={() => {
            void signOut(session.token).catch(() => undefined);
            use(null);
          }}
        >
          退出登录
        </button>
      </header>
      <main role="tabpanel">
        <Suspense fallback={<p className="mg-loading">加载中…</p>}>
          <Active session={session} onSignedOut={() => use(null)} />
        </Suspense>
      </main>
    </div>
  );
}
