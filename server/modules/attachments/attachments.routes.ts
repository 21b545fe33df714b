import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';

const attachment = z.object({ id: z.number(), filename: z.string(), mimeType: z.string(), sizeBytes: z.number() });

export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const attachments = app.services.attachments;

  app.post(
    '/api/v1/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: '上传附件 Upload an attachment (multipart field "file")',
        consumes: ['multipart/form-data'],
        response: { 201: attachment },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          message: '请以 multipart/form-data 上传文件',
          messageEn: 'Upload the file as multipart/form-data',
        });
      }
      const file = await request.file();
      if (!file)
        throw new AppError('VALIDATION_FAILED', { message: '缺少文件', messageEn: 'No file in the request', details: { path: 'file' } });
      const content = await file.toBuffer();
      const saved = await attachments.upload(request.actor, { filename: file.filename, mimeType: file.mimetype, content });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: '下载附件 Download an attachment',
        params: z.object({ id: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const file = await attachments.download(request.actor, request.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
};
