import { describe, expect, it } from 'vitest';
import { readCsv } from './boards.file.ts';
import { readBoardMessages } from './boards.rows.ts';

const now = new Date('2026-12-07T04:00:00Z');

describe('readBoardMessages', () => {
  it("reads the 人民网 columns and the source's mixed time formats as Beijing time (an ISO time keeps its own zone)", () => {
    const table = readCsv(
      [
        '留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数',
        '2549,A00045581,物业管理有问题,2019/4/25 9:32:09,物业扬言退出小区,0,12',
        '188006,A000102948,影楼是否纳税,2019-01-11T07:24:20Z,请税务局查一下,1,0',
        '188007,A0001,路灯,2019年2月28日 11时25分,路灯不亮,,',
      ].join('\n'),
    );
    const { messages, problems } = readBoardMessages(table, now);
    expect(problems).toEqual([]);
    expect(messages.map((m) => [m.sourceId, m.postedAt.toISOString(), m.counts])).toEqual([
      ['2549', '2019-04-25T01:32:09.000Z', { against: 0, likes: 12 }],
      ['188006', '2019-01-11T07:24:20.000Z', { against: 1, likes: 0 }],
      ['188007', '2019-02-28T03:25:00.000Z', {}],
    ]);
    expect(messages[0]).toMatchObject({ line: 2, user: 'A00045581', title: '物业管理有问题', content: '物业扬言退出小区', userName: null });
  });

  it("matches column names without case, spaces or underscores (a JSON feed's keys, Weibo's names)", () => {
    const table = readCsv('MID,User_ID,Screen Name,Text,Created_At,Reposts_Count\nm1,u1,小王,红绿灯坏了,2026/12/1 10:30,3');
    expect(readBoardMessages(table, now).messages[0]).toMatchObject({
      sourceId: 'm1',
      user: 'u1',
      userName: '小王',
      title: null,
      counts: { reposts: 3 },
    });
  });

  it('names every problem by row and column: missing columns first, then empty, too long, unreadable, future, non-numeric and control characters', () => {
    expect(readBoardMessages(readCsv('留言详情,留言时间\nx,2019/1/1'), now).problems.map((p) => [p.line, p.column])).toEqual([
      [1, '编号'],
      [1, '用户'],
    ]);
    const table = readCsv(
      [
        '留言编号,留言用户,留言主题,留言时间,留言详情,点赞数',
        `1,A,${'长'.repeat(201)},2019/1/1,内容,0`,
        '2,A,题,2027/1/1,内容,0',
        '3,A,题,2019/2/30,内容,-1',
        '4,,题,2019/1/1,内容\u0007,0',
      ].join('\n'),
    );
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
