import { CategoriesScreen } from './CategoriesScreen';
import { IssueScreen } from './IssueScreen';
import { TicketScreen } from './TicketScreen';

/** Screens of the 取号 flow, by name. Entry: `queue.categories`. */
export const queueScreens = {
  'queue.categories': CategoriesScreen,
  'queue.issue': IssueScreen,
  'queue.ticket': TicketScreen,
};
