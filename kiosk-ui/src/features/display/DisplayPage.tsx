import { useQuery } from '@/shared/api/use-query';
import { useClock } from '@/shared/kiosk';
import { fetchHall, type Call, type WaitingCategory } from './api';
import { callText } from './announce';
import { useHallBoard } from './use-hall-board';
import { DutyBoard } from './DutyBoard';
import './display.css';

function CurrentCall({ call, flash }: { call: Call | undefined; flash: number }) {
  if (!call) {
    return (
      <section className="hd-current hd-current-idle" aria-label="当前叫号">
        <div className="hd-current-text">请留意叫号</div>
      </section>
    );
  }
  return (
    <section className="hd-current" aria-label="当前叫号" aria-live="assertive">
      {call.recall ? <div className="hd-recall">重呼</div> : null}
      <div key={flash} className="hd-current-text hd-flash" data-testid="current-call">
        {callText(call)}
      </div>
      <div className="hd-current-parts">
        <span className="hd-number">{call.number}</span>
        <span className="hd-arrow">→</span>
        <span className="hd-counter">{call.counter}号窗口</span>
      </div>
    </section>
  );
}

function RecentCalls({ calls }: { calls: Call[] }) {
  return (
    <section className="hd-recent" aria-label="最近叫号">
      <h2>最近叫号</h2>
      <ol>
        {calls.map((c) => (
          <li key={`${c.number}-${c.counter}`}>
            <span className="hd-recent-number">{c.number}</span>
            <span className="hd-recent-counter">{c.counter}号窗口</span>
          </li>
        ))}
      </ol>
      {calls.length === 0 ? <p className="hd-empty">暂无叫号</p> : null}
    </section>
  );
}

function Waiting({ categories }: { categories: WaitingCategory[] }) {
  return (
    <section className="hd-waiting" aria-label="等候人数">
      {categories.map((c) => (
        <div key={c.id} className={`hd-waiting-card${c.crowded ? ' crowded' : ''}${c.priority ? ' priority' : ''}`}>
          <div className="hd-waiting-name">
            {c.id} {c.name}
          </div>
          <div className="hd-waiting-count">
            等候 <strong>{c.waiting}</strong> 人
          </div>
        </div>
      ))}
    </section>
  );
}

const DEFAULT_HALL = { name: '政务服务中心', timezone: 'Asia/Shanghai' };

/** The hall display (大厅叫号屏), 1920x1080 landscape: current call, last calls, waiting counts, hall and clock. */
export function DisplayPage() {
  const board = useHallBoard();
  const hall = useQuery('kiosk', fetchHall).data?.hall ?? DEFAULT_HALL;
  const clock = useClock(hall.timezone, true);
  return (
    <div className="hall-display">
      <header className="hd-header">
        <div className="hd-hall">{hall.name}</div>
        <div className="hd-title">排队叫号</div>
        <div className="hd-clock">
          <div className="hd-time">{clock.time}</div>
          <div className="hd-date">{clock.date}</div>
        </div>
      </header>
      {!board.connected ? <div className="hd-offline" role="alert">叫号服务连接中断，正在重连…</div> : null}
      <main className="hd-main">
        <CurrentCall call={board.current} flash={board.flash} />
        <RecentCalls calls={board.recent} />
      </main>
      <Waiting categories={board.waiting} />
      <DutyBoard />
      <footer className="hd-footer">请留意叫号与语音提示，过号请重新取号</footer>
    </div>
  );
}
