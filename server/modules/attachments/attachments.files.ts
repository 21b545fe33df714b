/** What an upload really is: the declared type must be allowed and match the file's first bytes. */
import { LIMITS } from '../../../common/limits.ts';

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'audio/wav': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
};

export type FileCheck = { ok: true } | { ok: false; reason: 'type_not_allowed' | 'content_mismatch' | 'empty' | 'too_large' };

export function checkUpload(mimeType: string, content: Buffer): FileCheck {
  if (content.length === 0) return { ok: false, reason: 'empty' };
  if (content.length > LIMITS.attachmentMaxBytes) return { ok: false, reason: 'too_large' };
  if (!(LIMITS.attachmentMimeTypes as readonly string[]).includes(mimeType)) return { ok: false, reason: 'type_not_allowed' };
  const signature = SIGNATURES[mimeType];
  if (signature && !signature(content)) return { ok: false, reason: 'content_mismatch' };
  return { ok: true };
}

/** Keeps a display name safe for Content-Disposition and file systems. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[\\/\x00-\x1f"<>|:*?]/g, '_').trim().slice(-120);
  return cleaned || 'file';
}
