import type { Channel, Evaluation, HallFacts, RaterData, ServiceFacts } from '../types';
export type { HallFacts, RaterData, ServiceFacts, WorkorderBody, WorkorderStep } from '../types';

/**
 * The standard bodies delivered upstream (docs/UPSTREAM.md), with the fields national practice asks for
 * (GB/T 39735-2020, 国办发〔2019〕51号): 办件编号, 事项编码/名称, 实施部门, 区划代码, window and staff, channel,
 * level, reasons, time. A province's own names come from `evaluation.upstream.mapping` (applyMapping).
 */

/** 评价渠道 as reports name them. */
export const CHANNEL_NAMES: Record<Channel, string> = { keypad: '窗口评价器', kiosk: '自助终端', qr: '二维码', system: '默认评价' };




export type RatingBody = Omit<Evaluation, 'followUp'> & ServiceFacts & HallFacts & {
  messageType: 'rating';
  channelName: string;
  rater?: RaterData;
};

export function ratingBody(e: Evaluation, service: ServiceFacts, hall: HallFacts, rater?: RaterData): RatingBody {
  const { followUp: _local, ...rest } = e;
  return {
    messageType: 'rating',
    ...rest,
    ...service,
    ...hall,
    channelName: CHANNEL_NAMES[e.channel],
    ...(rater ? { rater } : {}),
  };
}



/** Renames and omits top-level fields as configured; fields not named keep their standard name. */
export function applyMapping(body: object, mapping: Readonly<Record<string, string | null>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const name = key in mapping ? mapping[key] : key;
    if (name === null || name === undefined) continue;
    out[name] = value;
  }
  return out;
}
