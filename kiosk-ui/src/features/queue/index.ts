import { CategoriesScreen } from './CategoriesScreen';
import { IssueScreen } from './IssueScreen';
import { TicketScreen } from './TicketScreen';
import { IdentityScreen } from './IdentityScreen';

/** Screens of the 取号 flow, by name. Entry: `queue.categories`. */
export const queueScreens = {
  'queue.categories': CategoriesScreen,
  'queue.identity': IdentityScreen,
  'queue.issue': IssueScreen,
  'queue.ticket': TicketScreen,
};
