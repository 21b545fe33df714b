/** 人民网留言板 and 微博: an agent uploads a board's exported list, and downloads the answers to upload to the board. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIMITS } from '../../../../common/limits.ts';
import { AppError } from '../../../lib/errors.ts';
import { BOARD_SOURCES } from './boards.rows.ts';

const sourceParams = z.object({ source: z.enum(BOARD_SOURCES) });
const importOut = z.object({
  source: z.enum(BOARD_SOURCES),
  format: z.string(),
  rows: z.number(),
  created: z.number(),
  duplicates: z.number(),
  contactIds: z.array(z.number()),
});
const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  /** Answers given at or after this time (ISO 8601). */
  since: z.coerce.date(),
  /** …and at or before this one; default now. */
  until: z.coerce.date().optional(),
});

export const boardsRoutes: FastifyPluginAsyncZod = async (r) => {
  const boards = r.services.boards;
  const tags = ['channels'];

  r.post(
    '/api/v1/channels/boards/:source/import',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        params: sourceParams,
        response: { 200: importOut },
        summary:
          '导入留言 Import a board\'s exported list (multipart field "file": CSV, .xlsx or JSON); all or nothing per file, messages taken before are skipped',
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          message: '请以 multipart/form-data 上传文件',
          messageEn: 'Upload the file as multipart/form-data',
        });
      }
      const file = await request.file({ limits: { fileSize: LIMITS.boardFileMaxBytes, files: 1 } });
      if (!file)
        throw new AppError('VALIDATION_FAILED', { message: '缺少文件', messageEn: 'No file in the request', details: { path: 'file' } });
      const content = await file.toBuffer();
      return boards.importFile(request.actor, request.params.source, { filename: file.filename, content });
    },
  );

  r.get(
    '/api/v1/channels/boards/:source/replies',
    {
      schema: {
        tags,
        params: sourceParams,
        querystring: exportQuery,
        summary:
          "导出答复 The answers given in a time window to the board's messages, with the board's ids (CSV or Excel), to upload to the board",
      },
    },
    async (request, reply) => {
      const file = await boards.exportReplies(request.actor, request.params.source, request.query);
      return reply
        .type(file.mimeType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('x-answer-count', String(file.count))
        .send(file.content);
    },
  );
};
