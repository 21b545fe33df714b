import { describe, expect, it } from 'vitest';
import { decodeText, formatOf, readBoardFile, readCsv, writeBoardFile } from './boards.file.ts';
import { readBoardMessages } from './boards.rows.ts';

const now = new Date('2026-12-07T04:00:00Z');

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

  it('reads JSON lines and arrays with the feed\'s own keys', async () => {
    const lines = await readBoardFile(Buffer.from('{"id":1,"likes":3}\n{"id":2,"likes":null}\n'));
    expect(lines.rows).toEqual([{ line: 1, cells: { id: '1', likes: '3' } }, { line: 2, cells: { id: '2', likes: '' } }]);
    expect((await readBoardFile(Buffer.from('[{"id":"a"}]'))).rows[0].cells).toEqual({ id: 'a' });
    await expect(readBoardFile(Buffer.from('{"id":'))).rejects.toThrow(/JSON cannot be read/);
  });

  it('writes CSV that reads back the same, and an Excel file that reads back the same', async () => {
    const rows = [['123', '答复，含逗号和"引号"\n第二行', 5]];
    const csv = await writeBoardFile('csv', ['留言编号', '答复内容', '点赞数'], rows, '答复');
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await readBoardFile(csv)).rows[0].cells).toEqual({ 留言编号: '123', 答复内容: '答复，含逗号和"引号"\n第二行', 点赞数: '5' });
    const xlsx = await writeBoardFile('xlsx', ['留言编号', '答复内容', '点赞数'], rows, '答复');
    expect((await readBoardFile(xlsx)).rows[0]).toEqual({ line: 2, cells: { 留言编号: '123', 答复内容: '答复，含逗号和"引号"\n第二行', 点赞数: '5' } });
  });
});

describe('readBoardMessages', () => {
  it('reads the 人民网 columns and the source\'s mixed time formats as Beijing time (an ISO time keeps its own zone)', () => {
    const table = readCsv([
      '留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数',
      '2549,A00045581,物业管理有问题,2019/4/25 9:32:09,物业扬言退出小区,0,12',
      '188006,A000102948,影楼是否纳税,2019-01-11T07:24:20Z,请税务局查一下,1,0',
      '188007,A0001,路灯,2019年2月28日 11时25分,路灯不亮,,',
    ].join('\n'));
    const { messages, problems } = readBoardMessages(table, now);
    expect(problems).toEqual([]);
    expect(messages.map((m) => [m.sourceId, m.postedAt.toISOString(), m.counts])).toEqual([
      ['2549', '2019-04-25T01:32:09.000Z', { against: 0, likes: 12 }],
      ['188006', '2019-01-11T07:24:20.000Z', { against: 1, likes: 0 }],
      ['188007', '2019-02-28T03:25:00.000Z', {}],
    ]);
    expect(messages[0]).toMatchObject({ line: 2, user: 'A00045581', title: '物业管理有问题', content: '物业扬言退出小区', userName: null });
  });

  it('matches column names without case, spaces or underscores (a JSON feed\'s keys, Weibo\'s names)', () => {
    const table = readCsv('MID,User_ID,Screen Name,Text,Created_At,Reposts_Count\nm1,u1,小王,红绿灯坏了,2026/12/1 10:30,3');
    expect(readBoardMessages(table, now).messages[0]).toMatchObject({ sourceId: 'm1', user: 'u1', userName: '小王', title: null, counts: { reposts: 3 } });
  });

  it('names every problem by row and column: missing columns first, then empty, too long, unreadable, future, non-numeric and control characters', () => {
    expect(readBoardMessages(readCsv('留言详情,留言时间\nx,2019/1/1'), now).problems.map((p) => [p.line, p.column])).toEqual([[1, '编号'], [1, '用户']]);
    const table = readCsv([
      '留言编号,留言用户,留言主题,留言时间,留言详情,点赞数',
      `1,A,${'长'.repeat(201)},2019/1/1,内容,0`,
      '2,A,题,2027/1/1,内容,0',
      '3,A,题,2019/2/30,内容,-1',
      '4,,题,2019/1/1,内容\u0007,0',
    ].join('\n'));
    expect(readBoardMessages(table, now).problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [2, '留言主题', '主题超过 200 字'],
      [3, '留言时间', '时间“2027/1/1”晚于当前时间'],
      [4, '留言时间', '无法识别的时间“2019/2/30”'],
      [4, '点赞数', '点赞数“-1”不是非负整数'],
      [5, '留言详情', '含有控制字符'],
      [5, '留言用户', '用户为空'],
    ]);
  });
});
