import { request } from './client.ts';
import type { AttachmentInfo } from './types.ts';

export function uploadAttachment(file: File | Blob, filename?: string) {
  const form = new FormData();
  form.append('file', file, filename ?? (file as File).name ?? 'file');
  return request<AttachmentInfo>('POST', '/api/v1/attachments', { body: form });
}

export const attachmentUrl = (id: number) => `/api/v1/attachments/${id}`;
