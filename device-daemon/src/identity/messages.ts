import type { IdCardErrorCode } from '../devices/idcard';

/** What the screen tells a person when reading fails: plain Chinese with what to do. */
export function readerErrorMessage(code: IdCardErrorCode): string {
  switch (code) {
    case 'UNREADABLE_CARD':
    case 'WRONG_CARD_TYPE':
      return '无法识别这张卡，请放置本人有效的身份证或居住证';
    case 'SAM_FAULT':
    case 'SAM_NOT_AUTHORISED':
    case 'SAM_COMMAND_ERROR':
      return '读卡器暂时无法使用，请联系工作人员';
    case 'READER_DISCONNECTED':
      return '读卡器未连接，请联系工作人员';
    default:
      return '未能读取身份证，请重新放置';
  }
}
