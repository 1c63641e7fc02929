import type { ScreenComponents } from '@/shared/store';
import { CategoriesScreen } from './CategoriesScreen';
import { IssueScreen, type IssueParams } from './IssueScreen';
import { TicketScreen, type TicketParams } from './TicketScreen';
import { IdentityScreen, type IdentityParams } from './IdentityScreen';

/** The 取号 flow's screens and what each is given (merged into ScreenParams by app/screens.ts). */
export interface QueueScreenParams {
  'queue.categories': undefined;
  'queue.identity': IdentityParams;
  'queue.issue': IssueParams;
  'queue.ticket': TicketParams;
}

/** Screens of the 取号 flow, by name. Entry: `queue.categories`. */
export const queueScreens: ScreenComponents<QueueScreenParams> = {
  'queue.categories': CategoriesScreen,
  'queue.identity': IdentityScreen,
  'queue.issue': IssueScreen,
  'queue.ticket': TicketScreen,
};
