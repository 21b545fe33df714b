import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkUpload, safeFilename } from './attachments.files.ts';

/** A real 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A Windows program: "MZ", a DOS stub with NUL bytes, then the PE header. */
const exe = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x40, 0, 0, 0]),
  Buffer.from('This program cannot be run in DOS mode.\r\r\n$'),
  Buffer.alloc(16),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
]);
const mp3 = Buffer.concat([
  Buffer.from('ID3'),
  Buffer.from([4, 0, 0, 0, 0, 0, 0]),
  Buffer.from([0xff, 0xfb, 0x90, 0x64]),
  Buffer.alloc(400),
]);
const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(40)]);
const cfb = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(stream, 'utf16le'),
    Buffer.alloc(64),
  ]);

describe('checkUpload', () => {
  it('accepts an allowed type whose bytes match', async () => {
    expect(await checkUpload('image/png', png)).toEqual({ ok: true });
    expect(await checkUpload('audio/mpeg', mp3)).toEqual({ ok: true });
    expect(await checkUpload('audio/wav', wav)).toEqual({ ok: true });
    expect(await checkUpload('application/msword', cfb('WordDocument'))).toEqual({ ok: true });
    expect(await checkUpload('application/vnd.ms-excel', cfb('Workbook'))).toEqual({ ok: true });
  });
  it('accepts a real .xlsx by its zip entries', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('工单').addRow(['编号', '标题']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await checkUpload('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx)).toEqual({ ok: true });
    expect(await checkUpload('application/vnd.openxmlformats-officedocument.wordprocessingml.document', xlsx)).toEqual({
      ok: false,
      reason: 'content_mismatch',
    });
  });
  it('accepts text in UTF-8, UTF-16 with a BOM and GB18030', async () => {
    expect(await checkUpload('text/plain', Buffer.from('现场说明\r\n第二行\t完'))).toEqual({ ok: true });
    expect(await checkUpload('text/plain', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('现场说明', 'utf16le')]))).toEqual({
      ok: true,
    });
    expect(await checkUpload('text/plain', Buffer.from([0xcf, 0xd6, 0xb3, 0xa1, 0xcb, 0xb5, 0xc3, 0xf7]))).toEqual({ ok: true }); // 现场说明 in GBK
  });
  it('refuses a disguised file', async () => {
    expect(await checkUpload('image/jpeg', png)).toEqual({ ok: false, reason: 'content_mismatch' });
    expect(await checkUpload('application/msword', cfb('Workbook'))).toEqual({ ok: false, reason: 'content_mismatch' });
    expect(await checkUpload('text/plain', png)).toEqual({ ok: false, reason: 'content_mismatch' });
  });
  it('refuses a Windows program renamed .doc, .docx, .txt, .mp3 or .wav', async () => {
    for (const declared of [
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/plain',
      'audio/mpeg',
      'audio/wav',
      'video/mp4',
    ]) {
      expect(await checkUpload(declared, exe), declared).toEqual({ ok: false, reason: 'content_mismatch' });
    }
  });
  it('refuses executables, empty and oversized files', async () => {
    expect(await checkUpload('application/x-msdownload', Buffer.from('MZ'))).toEqual({ ok: false, reason: 'type_not_allowed' });
    expect(await checkUpload('image/png', Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
    expect(await checkUpload('text/plain', Buffer.alloc(20 * 1024 * 1024 + 1))).toEqual({ ok: false, reason: 'too_large' });
  });
});

describe('safeFilename', () => {
  it('strips path separators and control characters', () => {
    expect(safeFilename('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeFilename('现场照片.jpg')).toBe('现场照片.jpg');
    expect(safeFilename('')).toBe('file');
  });
});
