import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { oneOf, section, strict } from '../config/kit';

const hhmm = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', expected: 'a time of day "HH:MM"' });

export const categoryConfig = strict({
  id: Type.String({ pattern: '^[A-Z]$', expected: 'one capital letter, also the ticket prefix' }),
  name: Type.String({ minLength: 1, maxLength: 16 }),
  description: Type.Optional(Type.String({ maxLength: 60 })),
  dailyMax: Type.Integer({ minimum: 1, maximum: 999, default: 999 }),
  /** Issuing hours in the hall's time zone; a ticket outside them is refused. */
  hours: Type.Array(strict({ from: hhmm, to: hhmm }), { minItems: 1, default: [{ from: '00:00', to: '23:59' }] }),
  /** Priority (绿色通道) categories are interleaved with normal ones when counters call. */
  priority: Type.Boolean({ default: false }),
  /** Whether an ID card must be read before a ticket is issued. */
  realName: oneOf(['required', 'optional', 'off'], { default: 'off' }),
  /** Windows (counter numbers) that serve this category; used for the waiting estimate. */
  windows: Type.Array(Type.Integer({ minimum: 1, maximum: 999 }), { default: [1] }),
  /** People waiting above which the category shows as crowded. */
  warnWaiting: Type.Integer({ minimum: 1, default: 30 }),
});
export type CategoryConfig = Static<typeof categoryConfig>;

/** Themed comprehensive windows of seed 003 (汕头市金平区一门式一网式方案). */
const DEFAULT_CATEGORIES = [
  { id: 'A', name: '社会民生', description: '社保、医保、民政、户籍等民生事项' },
  { id: 'B', name: '注册登记', description: '商事登记、不动产登记等' },
  { id: 'C', name: '经营许可', description: '食品、药品、卫生等经营许可' },
  { id: 'D', name: '投资建设', description: '立项、规划、施工许可等' },
  { id: 'E', name: '综合服务', description: '其他部门事项综合受理' },
  { id: 'F', name: '企业绿色通道', description: '企业“三集中”服务', priority: true },
];

export const queueConfig = section({
  categories: Type.Array(categoryConfig, { minItems: 1, default: DEFAULT_CATEGORIES }),
  /** Normal tickets called for each priority ticket, so neither starves. */
  priorityRatio: Type.Integer({ minimum: 1, maximum: 20, default: 2 }),
  /** People at or above this age are offered the priority (绿色通道) ticket after their ID card is read. */
  priorityAge: Type.Integer({ minimum: 50, maximum: 100, default: 65 }),
});
export type QueueConfig = Static<typeof queueConfig>;


/** The default categories with every default filled in, as a file without `queue.categories` gets them. */
export const defaultCategories: CategoryConfig[] = (Value.Default(queueConfig, {}) as QueueConfig).categories;
