/**
 * Presentation only: state and statistic names in the technician's words. Device labels, self-tests and
 * fault-injection actions come from the daemon's device list (`GET /api/maintenance/catalog`).
 */
export const STATE_LABEL: Record<string, string> = {
  idle: '正常',
  busy: '工作中',
  error: '故障',
  offline: '离线',
  closed: '未打开',
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
  ScanCount: '扫码成功',
  BadScanCount: '无效扫码',
};
