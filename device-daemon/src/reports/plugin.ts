import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { badRequest } from '../core/errors';
import { errorResponses, strictObject } from '../core/schemas';
import { serviceDate } from '../core/hall-time';
import { reportMigrations } from './migrations';
import { daysBetween, ReportService } from './statistics';
import { reportTables, toCsv, toXlsx } from './export';
import { DeviceFaultLog } from './faults';
import { longestWaits } from './live';

declare module 'fastify' {
  interface FastifyInstance {
    reports: ReportService;
    deviceFaults: DeviceFaultLog;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    /** A device of some kiosk went into fault (`error`, `offline`) or came back (`ready`): relayed hall-wide. */
    'device.fault': { kioskId: string; device: string; state: string };
  }
}

const nullableText = Type.Union([Type.String(), Type.Null()]);
const liveAnswer = Type.Object({
  longestWaits: Type.Array(Type.Object({ categoryId: Type.String(), number: Type.String(), issuedAt: Type.String(), minutes: Type.Integer() })),
  deviceFaults: Type.Array(Type.Object({ kioskId: Type.String(), device: Type.String(), label: Type.String(), state: Type.String(), reason: nullableText, since: Type.String() })),
});

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const rangeQuery = strictObject({ from: Type.Optional(date), to: Type.Optional(date) });
const exportQuery = strictObject({
  from: Type.Optional(date),
  to: Type.Optional(date),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  table: Type.Optional(Type.String({ maxLength: 20 })),
});
/** Three years: a range longer than that is a mistake, and would roll up days nobody asked for. */
const MAX_DAYS = 1100;

/**
 * The hall's statistics and reports for managers (`/api/manage/reports/*`, behind the manager's session):
 * tickets, waits and service times by category, window, staff and hour; 好差评 and 工单; export as CSV and XLSX.
 */
export default fp(
  async function reportsPlugin(app: FastifyInstance) {
    await app.store.migrate('reports', reportMigrations);
    const timeZone = app.config.hall.timezone;
    const today = () => serviceDate(app.clock.now(), timeZone);
    const categories = new Map(app.config.queue.categories.map((c) => [c.id, c.name]));
    const faults = new DeviceFaultLog(app.store, app.clock, app.events, app.config.hall.kioskId, timeZone, app.log);
    const unsubscribe = await faults.start();
    app.addHook('onClose', async () => {
      unsubscribe();
      await faults.flush();
    });
    const service = new ReportService(app.store, timeZone, today, {
      category: (id) => categories.get(id) ?? '',
      staff: (id) => app.staff.get(id)?.name ?? '',
    }, faults);
    app.decorate('reports', service);
    app.decorate('deviceFaults', faults);

    const range = (q: { from?: string; to?: string }) => {
      const to = q.to ?? today();
      const from = q.from ?? to;
      if (from > to) throw badRequest('INVALID_RANGE', '开始日期晚于结束日期', { field: 'from' });
      if (daysBetween(from, to).length > MAX_DAYS) throw badRequest('INVALID_RANGE', `一次最多统计 ${MAX_DAYS} 天`, { field: 'from' });
      return { from, to };
    };

    app.register(async (scope) => {
      scope.addHook('onRequest', app.manage.guard);
      scope.get<{ Querystring: Static<typeof rangeQuery> }>('/api/manage/reports/statistics', {
        schema: { querystring: rangeQuery, response: errorResponses },
      }, async (request) => {
        const { from, to } = range(request.query);
        return service.statistics(from, to);
      });

      // The live hall's figures the public queue and counter routes do not give: the longest wait now per
      // category, and devices in fault on every kiosk of the store.
      scope.get('/api/manage/live', { schema: { response: { 200: liveAnswer, ...errorResponses } } }, async () => ({
        longestWaits: await longestWaits(app.store, today(), app.clock.now()),
        deviceFaults: await faults.open(),
      }));

      scope.get<{ Querystring: Static<typeof exportQuery> }>('/api/manage/reports/export', {
        schema: { querystring: exportQuery, response: errorResponses },
      }, async (request, reply) => {
        const { from, to } = range(request.query);
        const tables = reportTables(await service.statistics(from, to));
        const name = `大厅报表_${from}_${to}`;
        if (request.query.format === 'xlsx') {
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`)
            .send(await toXlsx(tables));
        }
        const table = tables.find((t) => t.id === (request.query.table ?? 'category'));
        if (!table) throw badRequest('UNKNOWN_TABLE', `没有这张表：可选 ${tables.map((t) => t.id).join('、')}`, { field: 'table' });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent(`${name}_${table.sheet}`)}.csv`)
          .send(toCsv(table));
      });
    });
  },
  { name: 'reports', dependencies: ['config', 'store', 'events', 'staff', 'manage', 'evaluation', 'workorders'] },
);
