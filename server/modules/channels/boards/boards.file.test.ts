import { describe, expect, it } from 'vitest';
import { decodeText, formatOf, readBoardFile, readCsv, writeBoardFile } from './boards.file.ts';

describe('board files', () => {
  describe('readCsv', () => {
    it('keeps commas, doubled quotes and line breaks inside quoted fields, and numbers rows as the file shows them', () => {
      const table = readCsv('id,body\r\n1,"a, ""b""\nc"\r\n\r\n2,d\n');
      expect(table.headers).toEqual(['id', 'body']);
      expect(table.rows).toEqual([
        { line: 2, cells: { id: '1', body: 'a, "b"\nc' } },
        { line: 5, cells: { id: '2', body: 'd' } },
      ]);
    });

    it('reads tab-separated lists and refuses an unclosed quote', () => {
      expect(readCsv('id\tbody\n1\tx,y').rows[0].cells).toEqual({ id: '1', body: 'x,y' });
      expect(() => readCsv('id,body\n1,"open')).toThrow(/line 2: a quoted field is not closed/);
    });
  });

  it('tells formats by their first bytes and decodes GB18030 when the bytes are not UTF-8', () => {
    expect(formatOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(formatOf(Buffer.from(' [{"id":1}]'))).toBe('json');
    expect(formatOf(Buffer.from('留言编号,留言详情'))).toBe('csv');
    expect(() => formatOf(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toThrow(/\.xls/);
    expect(decodeText(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]))).toBe('你好');
    expect(decodeText(Buffer.from('\uFEFF你好'))).toBe('你好');
  });

  it("reads JSON lines and arrays with the feed's own keys", async () => {
    const lines = await readBoardFile(Buffer.from('{"id":1,"likes":3}\n{"id":2,"likes":null}\n'));
    expect(lines.rows).toEqual([
      { line: 1, cells: { id: '1', likes: '3' } },
      { line: 2, cells: { id: '2', likes: '' } },
    ]);
    expect((await readBoardFile(Buffer.from('[{"id":"a"}]'))).rows[0].cells).toEqual({ id: 'a' });
    await expect(readBoardFile(Buffer.from('{"id":'))).rejects.toThrow(/JSON cannot be read/);
  });

  it('writes CSV that reads back the same, and an Excel file that reads back the same', async () => {
    const rows = [['123', '答复，含逗号和"引号"\n第二行', 5]];
    const csv = await writeBoardFile('csv', ['留言编号', '答复内容', '点赞数'], rows, '答复');
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await readBoardFile(csv)).rows[0].cells).toEqual({ 留言编号: '123', 答复内容: '答复，含逗号和"引号"\n第二行', 点赞数: '5' });
    const xlsx = await writeBoardFile('xlsx', ['留言编号', '答复内容', '点赞数'], rows, '答复');
    expect((await readBoardFile(xlsx)).rows[0]).toEqual({
      line: 2,
      cells: { 留言编号: '123', 答复内容: '答复，含逗号和"引号"\n第二行', 点赞数: '5' },
    });
  });
});
