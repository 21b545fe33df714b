import { describe, expect, it } from 'vitest';
import { checkUpload, safeFilename } from './attachments.files.ts';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('checkUpload', () => {
  it('accepts an allowed type whose bytes match', () => {
    expect(checkUpload('image/png', png)).toEqual({ ok: true });
    expect(checkUpload('text/plain', Buffer.from('现场说明'))).toEqual({ ok: true });
  });
  it('refuses a disguised file', () => {
    expect(checkUpload('image/jpeg', png)).toEqual({ ok: false, reason: 'content_mismatch' });
  });
  it('refuses executables, empty and oversized files', () => {
    expect(checkUpload('application/x-msdownload', Buffer.from('MZ'))).toEqual({ ok: false, reason: 'type_not_allowed' });
    expect(checkUpload('image/png', Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
    expect(checkUpload('text/plain', Buffer.alloc(20 * 1024 * 1024 + 1))).toEqual({ ok: false, reason: 'too_large' });
  });
});

describe('safeFilename', () => {
  it('strips path separators and control characters', () => {
    expect(safeFilename('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeFilename('现场照片.jpg')).toBe('现场照片.jpg');
    expect(safeFilename('')).toBe('file');
  });
});
