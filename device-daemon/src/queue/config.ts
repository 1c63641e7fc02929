import { arr, bool, int, obj, oneOf, opt, str, type Infer } from '../config/schema-dsl';

const hhmm = str({ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, hint: 'a time of day "HH:MM"' });

export const categoryConfig = obj({
  id: str({ pattern: /^[A-Z]$/, hint: 'one capital letter, also the ticket prefix' }),
  name: str({ min: 1, max: 16 }),
  description: opt(str({ max: 60 })),
  dailyMax: opt(int({ min: 1, max: 999 }), 999),
  /** Issuing hours in the hall's time zone; a ticket outside them is refused. */
  hours: opt(arr(obj({ from: hhmm, to: hhmm }), { min: 1 }), [{ from: '00:00', to: '23:59' }]),
  /** Priority (绿色通道) categories are interleaved with normal ones when counters call. */
  priority: opt(bool(), false),
  /** Whether an ID card must be read before a ticket is issued. */
  realName: opt(oneOf(['required', 'optional', 'off'] as const), 'off'),
  /** Windows (counter numbers) that serve this category; used for the waiting estimate. */
  windows: opt(arr(int({ min: 1, max: 999 })), [1]),
  /** People waiting above which the category shows as crowded. */
  warnWaiting: opt(int({ min: 1 }), 30),
});
export type CategoryConfig = Infer<typeof categoryConfig>;

/** Themed comprehensive windows of seed 003 (汕头市金平区一门式一网式方案). */
export const defaultCategories: CategoryConfig[] = [
  { id: 'A', name: '社会民生', description: '社保、医保、民政、户籍等民生事项' },
  { id: 'B', name: '注册登记', description: '商事登记、不动产登记等' },
  { id: 'C', name: '经营许可', description: '食品、药品、卫生等经营许可' },
  { id: 'D', name: '投资建设', description: '立项、规划、施工许可等' },
  { id: 'E', name: '综合服务', description: '其他部门事项综合受理' },
  { id: 'F', name: '企业绿色通道', description: '企业"三集中"服务', priority: true },
].map((c) => categoryConfig.parse(c, 'queue.categories'));

export const queueConfig = obj({
  categories: opt(arr(categoryConfig, { min: 1 }), defaultCategories),
  /** Normal tickets called for each priority ticket, so neither starves. */
  priorityRatio: opt(int({ min: 1, max: 20 }), 2),
  /** People at or above this age are offered the priority (绿色通道) ticket after their ID card is read. */
  priorityAge: opt(int({ min: 50, max: 100 }), 65),
});
export type QueueConfig = Infer<typeof queueConfig>;
