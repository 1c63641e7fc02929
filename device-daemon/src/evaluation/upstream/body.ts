import type { Channel, Evaluation } from '../types';

/**
 * The standard bodies delivered upstream (docs/UPSTREAM.md), with the fields national practice asks for
 * (GB/T 39735-2020, 国办发〔2019〕51号): 办件编号, 事项编码/名称, 实施部门, 区划代码, window and staff, channel,
 * level, reasons, time. A province's own names come from `evaluation.upstream.mapping` (applyMapping).
 */

/** 评价渠道 as reports name them. */
export const CHANNEL_NAMES: Record<Channel, string> = { keypad: '窗口评价器', kiosk: '自助终端', qr: '二维码', system: '默认评价' };

/** Rater data: only with the rater's consent and `evaluation.upstream.raterData` (Guangdong). */
export interface RaterData {
  nameMasked: string | null;
  phone: string | null;
}

export interface HallFacts {
  hallName: string;
  regionCode: string | null;
  kioskId: string;
}

/** What a rating knows of the service behind it; the 办件 fields are null where the window did not record them. */
export interface ServiceFacts {
  caseNumber: string | null;
  matterCode: string | null;
  matterName: string | null;
  department: string | null;
}

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

/** One step of a 差评工单: opened, 核实 (verified), 整改 (rectified), 回复 (replied), closed. */
export type WorkorderStep = 'opened' | 'verified' | 'rectified' | 'replied' | 'closed';

export interface WorkorderBody extends ServiceFacts, HallFacts {
  messageType: 'workorder';
  workorderId: string;
  ratingId: string;
  ticketNumber: string;
  level: number;
  /** The rating's reasons as they stand (a keypad 差评's reasons may come after it was delivered). */
  reasons: string[];
  step: WorkorderStep;
  /** The step's text: the 核实 result, the 整改 taken, the 回复 given, the closing note. */
  text: string | null;
  at: string;
  staffId: string | null;
  staffName: string | null;
  dueDate: string;
  overdue: boolean;
  rater?: RaterData;
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
