import { dayText } from '@/shared/kiosk';

interface RatedFollowUp {
  followUp?: { dueDate: string } | null;
  /** The rater was identified (ID card): only then can the hall reply to them. */
  realName?: boolean;
}

/**
 * The follow-up a bad rating may promise a reply for: only to a rater the hall can reach (real-name). An
 * anonymous rater is told the matter is checked, never promised a dated reply nobody could deliver.
 */
export const datedReply = (e: RatedFollowUp): { dueDate: string } | null => (e.realName && e.followUp ? e.followUp : null);

/** «我们会认真核实并整改，12月8日前给您答复。», or without the reply when none can be given. */
export const followUpWords = (reply: { dueDate: string } | null): string =>
  reply ? `我们会认真核实并整改，${dayText(reply.dueDate)}前给您答复。` : '我们会认真核实并整改。';
