import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { sha256 } from '../../lib/crypto.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { checkUpload, safeFilename } from './attachments.files.ts';
import { createAttachmentsRepository } from './attachments.repository.ts';

const REASONS = {
  type_not_allowed: [
    '不支持的文件类型（允许图片、PDF、音视频、Office 文档）',
    'File type not allowed (images, PDF, audio/video, Office documents)',
  ],
  content_mismatch: ['文件内容与类型不符', 'File content does not match its type'],
  empty: ['文件为空', 'The file is empty'],
  too_large: ['文件过大（单个不超过 20 MB）', 'File too large (20 MB at most)'],
} as const;

export function createAttachmentsService(deps: {
  db: Db;
  filesDir: string;
  canViewTicket: (actor: Actor, ticketId: number) => Promise<void>;
}) {
  const repo = createAttachmentsRepository(deps.db);
  return {
    /** Stores an upload; it is linked to a ticket or reply when that is submitted. */
    async upload(actor: Actor, file: { filename: string; mimeType: string; content: Buffer }) {
      if (actor.kind === 'public' && actor.ip === null) throw forbidden();
      const check = await checkUpload(file.mimeType, file.content);
      if (!check.ok) {
        const [message, messageEn] = REASONS[check.reason];
        throw new AppError(
          check.reason === 'too_large' ? 'PAYLOAD_TOO_LARGE' : check.reason === 'empty' ? 'VALIDATION_FAILED' : 'UNSUPPORTED_MEDIA_TYPE',
          { message, messageEn, details: { filename: file.filename } },
        );
      }
      const hash = sha256(file.content);
      const storageKey = path.join(hash.slice(0, 2), `${hash}`);
      const fullPath = path.join(deps.filesDir, storageKey);
      await mkdir(path.dirname(fullPath), { recursive: true });
      await writeFile(fullPath, file.content);
      const row = await repo.create({
        filename: safeFilename(file.filename),
        mimeType: file.mimeType,
        sizeBytes: file.content.length,
        sha256: hash,
        storageKey,
        uploadedById: actor.userId,
      });
      return { id: row.id, filename: row.filename, mimeType: row.mimeType, sizeBytes: row.sizeBytes };
    },

    /** The stored file without an access check: for modules that check access themselves (a contact's attachments). */
    async readStored(id: number) {
      const row = await repo.getById(id);
      return { filename: row.filename, mimeType: row.mimeType, content: await readFile(path.join(deps.filesDir, row.storageKey)) };
    },

    async download(actor: Actor, id: number) {
      const row = await repo.getById(id);
      if (row.ticketId) await deps.canViewTicket(actor, row.ticketId);
      else if (row.uploadedById === null || row.uploadedById !== actor.userId) throw forbidden();
      return { filename: row.filename, mimeType: row.mimeType, content: await readFile(path.join(deps.filesDir, row.storageKey)) };
    },
  };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
