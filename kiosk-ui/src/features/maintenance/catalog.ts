import type { HealthLevel } from './api';

/**
 * What the technician's screens know about each device, as data: names, self-tests by level, and the
 * simulator's fault-injection actions (the routes under /api/sim/<device>, see each device module).
 */
export const DEVICE_LABEL: Record<string, string> = {
  idReader: '身份证阅读器',
  printer: '票据打印机',
  keypad: '评价器',
  scanner: '扫描仪',
};

export const STATE_LABEL: Record<string, string> = {
  idle: '正常',
  busy: '工作中',
  error: '故障',
  offline: '离线',
  closed: '未打开',
};

export interface SelfTest {
  level: HealthLevel;
  label: string;
}

export const SELF_TESTS: Record<string, SelfTest[]> = {
  printer: [
    { level: 'internal', label: '状态检查' },
    { level: 'external', label: '打印测试页' },
  ],
  idReader: [
    { level: 'internal', label: '安全模块自检' },
    { level: 'external', label: '立即读卡' },
    { level: 'interactive', label: '放卡测试' },
  ],
  keypad: [
    { level: 'internal', label: '连接检查' },
    { level: 'interactive', label: '逐键测试' },
  ],
  scanner: [
    { level: 'internal', label: '连接检查' },
    { level: 'external', label: '扫描测试页' },
  ],
};

export interface FaultAction {
  label: string;
  method: 'POST' | 'DELETE';
  path: string;
  body?: unknown;
}

export const FAULTS: Record<string, FaultAction[]> = {
  printer: [
    { label: '缺纸', method: 'POST', path: '/state', body: { paper: 'out' } },
    { label: '纸将尽', method: 'POST', path: '/state', body: { paper: 'near-end' } },
    { label: '装纸', method: 'POST', path: '/state', body: { paper: 'ok' } },
    { label: '开盖', method: 'POST', path: '/state', body: { cover: 'open' } },
    { label: '合盖', method: 'POST', path: '/state', body: { cover: 'closed' } },
    { label: '切刀故障', method: 'POST', path: '/state', body: { fault: 'autocutter' } },
    { label: '清除故障', method: 'POST', path: '/state', body: { fault: 'none' } },
    { label: '拔线', method: 'POST', path: '/state', body: { plugged: false } },
    { label: '插线', method: 'POST', path: '/state', body: { plugged: true } },
  ],
  idReader: [
    { label: '放卡', method: 'POST', path: '/card', body: { profile: 'resident' } },
    { label: '取卡', method: 'DELETE', path: '/card' },
    { label: '读卡失败', method: 'POST', path: '/fault', body: { fault: 'read-failure' } },
    { label: '模块故障', method: 'POST', path: '/fault', body: { fault: 'sam-fault' } },
    { label: '校验错误', method: 'POST', path: '/fault', body: { fault: 'bad-checksum' } },
    { label: '无应答', method: 'POST', path: '/fault', body: { fault: 'mute' } },
    { label: '拔线', method: 'POST', path: '/fault', body: { fault: 'unplug' } },
    { label: '恢复正常', method: 'POST', path: '/fault', body: { fault: 'none' } },
  ],
  keypad: [
    ...[1, 2, 3, 4, 5].map((key) => ({ label: `按键${key}`, method: 'POST' as const, path: '/press', body: { key } })),
    { label: '拔线', method: 'POST', path: '/state', body: { plugged: false } },
    { label: '插线', method: 'POST', path: '/state', body: { plugged: true } },
  ],
  scanner: [
    { label: '卡纸', method: 'POST', path: '/fault', body: { fault: 'jammed' } },
    { label: '无纸', method: 'POST', path: '/fault', body: { fault: 'no-documents' } },
    { label: '开盖', method: 'POST', path: '/fault', body: { fault: 'cover-open' } },
    { label: '恢复正常', method: 'POST', path: '/fault', body: { fault: 'none' } },
  ],
};

/** UnifiedPOS statistic names in the technician's words; unknown names are shown as they are. */
export const STATISTIC_LABEL: Record<string, string> = {
  HoursPoweredCount: '通电小时',
  PoweredSecondsRemainder: '通电秒数（不足一小时）',
  CommunicationErrorCount: '通信错误',
  ReceiptPrintedCount: '打印票据数',
  ReceiptLinePrintedCount: '打印行数',
  PaperCutCount: '切纸次数',
  FailedPaperCutCount: '切纸失败',
  ReceiptCoverOpenCount: '开盖次数',
  PrinterFaultCount: '打印机故障',
  GoodReadCount: '读卡成功',
  FailedReadCount: '读卡失败',
  UnreadableCardCount: '无法识别的卡',
  KeyPressedCount: '按键次数',
  Key1PressedCount: '按键1次数',
  Key2PressedCount: '按键2次数',
  Key3PressedCount: '按键3次数',
  Key4PressedCount: '按键4次数',
  Key5PressedCount: '按键5次数',
  KeyIgnoredCount: '无效按键（评价窗口外）',
  BounceCount: '按键抖动',
  InvitationCount: '邀请评价次数',
  AnsweredCount: '评价器作答次数',
  ExpiredCount: '邀请超时',
  GoodScanCount: '扫描成功',
  FailedScanCount: '扫描失败',
  ScannedPixelCount: '扫描像素总数',
  JamCount: '卡纸次数',
  NoDocumentCount: '无纸次数',
  CoverOpenCount: '扫描仪开盖次数',
  TimeoutCount: '扫描超时',
};
