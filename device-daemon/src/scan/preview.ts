import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { conflict, notFound, unavailable } from '../core/errors';
import { ScannerError } from '../devices/scanner';

/** Query strings are not coerced (app.ts): the preview sizes the screens use, as text. */
const query = Type.Object({ width: Type.Optional(Type.Union(['320', '480', '640', '960', '1280'].map((w) => Type.Literal(w)))) }, { additionalProperties: false });

/**
 * GET /api/scan/preview: one JPEG of the desk from a document camera (高拍仪), for the screen that helps the
 * person place the page; the page polls it about twice a second. A flatbed has no preview: 404
 * PREVIEW_UNAVAILABLE, so the screen shows its usual picture instead. The frame is not kept anywhere.
 */
export default async function previewRoute(app: FastifyInstance) {
  app.get<{ Querystring: Static<typeof query> }>('/api/scan/preview', { schema: { querystring: query } }, async (request, reply) => {
    const scanner = app.devices.scanner;
    if (!scanner?.canPreview) throw notFound('PREVIEW_UNAVAILABLE', '本机扫描设备没有实时画面');
    try {
      const jpeg = await scanner.preview(Number(request.query.width ?? 640));
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'no-store').send(jpeg);
    } catch (err) {
      if (err instanceof ScannerError && err.code === 'SCANNER_BUSY') throw conflict('SCANNER_BUSY', '扫描仪正在扫描，请稍候');
      throw unavailable('SCANNER_UNAVAILABLE', '高拍仪画面暂时无法获取');
    }
  });
}
