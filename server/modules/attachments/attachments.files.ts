/** What an upload really is: the declared type must be allowed and match the file's first bytes. */
import { fileTypeFromBuffer } from 'file-type';
import { LIMITS } from '../../../common/limits.ts';

/**
 * What each declared type may really be, by the magic bytes `file-type` reads. Types it cannot tell apart on
 * their own (legacy Office files, plain text) are checked below in `isLegacyOffice` and `isPlainText`.
 */
const DETECTED_AS: Record<string, readonly string[]> = {
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png', 'image/apng'],
  'image/gif': ['image/gif'],
  'image/webp': ['image/webp'],
  'application/pdf': ['application/pdf'],
  'audio/mpeg': ['audio/mpeg'],
  'audio/wav': ['audio/wav', 'audio/vnd.wave', 'audio/x-wav'],
  'video/mp4': ['video/mp4', 'video/x-m4v', 'video/quicktime', 'audio/mp4'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
};

/** OLE2 compound files (.doc, .xls) hold named streams; Word's main stream is "WordDocument", Excel's "Workbook" (or "Book" before 97). */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LEGACY_STREAMS: Record<string, string[]> = {
  'application/msword': ['WordDocument'],
  'application/vnd.ms-excel': ['Workbook', 'Book'],
};

function isLegacyOffice(mimeType: string, content: Buffer): boolean {
  if (!content.subarray(0, 8).equals(CFB_MAGIC)) return false;
  // Directory entries store stream names in UTF-16LE.
  return LEGACY_STREAMS[mimeType].some((name) => content.includes(Buffer.from(name, 'utf16le')));
}

/**
 * Text is whatever decodes cleanly as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 (common for
 * Chinese text from older Windows), and holds no control characters beyond tab, line breaks, form feed and ESC.
 * A program renamed .txt fails: it is full of NUL bytes and invalid sequences.
 */
function isPlainText(content: Buffer): boolean {
  const decoded = decodeText(content);
  if (decoded === null) return false;
  return !/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F]/.test(decoded);
}

const hasUtf16Bom = (b: Buffer) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

function decodeText(content: Buffer): string | null {
  const attempts: Array<[string, Buffer]> = [];
  if (content[0] === 0xff && content[1] === 0xfe) attempts.push(['utf-16le', content.subarray(2)]);
  else if (content[0] === 0xfe && content[1] === 0xff) attempts.push(['utf-16be', content.subarray(2)]);
  else attempts.push(['utf-8', content], ['gb18030', content]);
  for (const [encoding, bytes] of attempts) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  return null;
}

export type FileCheck = { ok: true } | { ok: false; reason: 'type_not_allowed' | 'content_mismatch' | 'empty' | 'too_large' };

/** The declared type must be allowed and the content must really be of that type. */
export async function checkUpload(mimeType: string, content: Buffer): Promise<FileCheck> {
  if (content.length === 0) return { ok: false, reason: 'empty' };
  if (content.length > LIMITS.attachmentMaxBytes) return { ok: false, reason: 'too_large' };
  if (!(LIMITS.attachmentMimeTypes as readonly string[]).includes(mimeType)) return { ok: false, reason: 'type_not_allowed' };
  const detected = await fileTypeFromBuffer(content);
  let isMatch: boolean;
  // UTF-16 text starts FF FE or FE FF, which also reads as an MPEG frame header, so a BOM settles it for text.
  if (mimeType === 'text/plain') isMatch = (detected === undefined || hasUtf16Bom(content)) && isPlainText(content);
  else if (LEGACY_STREAMS[mimeType]) isMatch = isLegacyOffice(mimeType, content);
  else isMatch = detected !== undefined && (DETECTED_AS[mimeType] ?? []).includes(detected.mime);
  return isMatch ? { ok: true } : { ok: false, reason: 'content_mismatch' };
}

/** Keeps a display name safe for Content-Disposition and file systems. */
export function safeFilename(name: string): string {
  const cleaned = name
    .replace(/[\\/\x00-\x1f"<>|:*?]/g, '_')
    .trim()
    .slice(-120);
  return cleaned || 'file';
}
