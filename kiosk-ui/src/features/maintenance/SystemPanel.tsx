import { useQuery } from '@/shared/api/use-query';
import { Notice } from '@/shared/kiosk';
import type { VoiceStatus } from '@daemon/hall/voice';
import { BUNDLE_URL, fetchSystem } from './api';
import { useSessionQueryError } from './session';

const MB = 1024 * 1024;
const duration = (s: number) => `${Math.floor(s / 86400)}天 ${Math.floor((s % 86400) / 3600)}小时 ${Math.floor((s % 3600) / 60)}分`;

const LANGUAGES = { cmn: '普通话', yue: '粤语' } as const;

/** The voice engine's last outcome: a kiosk that cannot speak says so here, with the cause, not in a console. */
function voiceText(v: VoiceStatus | undefined): string {
  if (!v) return '—';
  const what = `${v.engine}，${LANGUAGES[v.language]}`;
  if (v.available === null) return `检查中（${what}）`;
  return v.available ? `正常（${what}）` : `⚠ 不可用：${v.reason ?? '未知原因'}（${what}；安装 espeak-ng 见部署说明）`;
}

/** Version, uptime, disk, store, clock, voice; and the redacted diagnostic bundle for the vendor. */
export function SystemPanel() {
  const query = useQuery('maintenance.system', fetchSystem);
  const facts = query.data;
  const error = useSessionQueryError(query.error);
  if (error) return <Notice tone="error" title={error} />;
  if (!facts) return <p className="loading">正在读取系统信息…</p>;
  const { system: s } = facts;
  const rows: [string, string][] = [
    ['软件版本', `${s.version}（Node ${s.node}）`],
    ['终端', `${s.kioskId} · ${s.hostname} · ${s.hallName}`],
    ['运行时间', `服务 ${duration(s.uptimeSeconds.daemon)}，系统 ${duration(s.uptimeSeconds.system)}`],
    ['磁盘', 'error' in s.disk ? `无法读取：${s.disk.error}` : `可用 ${Math.round(s.disk.freeBytes / MB)} MB / 共 ${Math.round(s.disk.totalBytes / MB)} MB（${s.disk.path}）`],
    ['数据库', `${s.store.description}，完整性：${s.store.integrity === 'ok' ? '正常' : s.store.problems.join('; ') || s.store.integrity}`],
    ['时钟', `${s.clock.hallLocalTime}（${s.clock.hallTimeZone}；系统时区 ${s.clock.systemTimeZone}）${s.clock.plausible ? '' : ' ⚠ 时间异常'}`],
    ['界面心跳', facts.ui.silent ? '⚠ 界面无响应' : `正常（${facts.ui.lastHeartbeat ? new Date(facts.ui.lastHeartbeat).toLocaleTimeString('zh-CN', { hour12: false }) : '—'}）`],
    ['语音播报', voiceText(facts.voice)],
  ];
  return (
    <div>
      <table className="mnt-facts" aria-label="系统信息">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="action-row">
        <a className="primary-button mnt-link-button" href={BUNDLE_URL} download>
          导出诊断包
        </a>
      </div>
      <p className="mnt-sub">诊断包已去除身份证号、姓名等个人信息和 PIN，可交给设备厂商分析。</p>
    </div>
  );
}
