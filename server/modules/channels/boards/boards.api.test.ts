/**
 * 人民网 and Weibo through HTTP: list files imported as written contacts (CSV, GB18030 CSV, Excel), taken once by the
 * board's id; a bad file refused whole with its rows named; the list pulled from a URL as a job; the answers exported.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../../../test/app.ts';
import { buildSignedInUser, buildUnit, uid } from '../../../../test/factories/orgs.ts';
import { channelMessages, jobs, replies, writtenContacts } from '../../../db/schema.ts';
import { SHANGHAI_OFFSET_MS } from '../../../lib/calendar.ts';
import { enqueueJob, runDueJobs } from '../../../jobs/runner.ts';
import { pullMessageBoards } from '../../../jobs/pull-message-boards.ts';
import { sendChannelMessage } from '../../../jobs/send-channel-message.ts';
import { readCsv } from './boards.file.ts';

/** What the board's URL serves; each test sets it. */
let served: { body: Buffer | string; type: string; status?: number } = { body: '', type: 'text/csv' };
const board: Server = createServer((_req, res) => {
  res.writeHead(served.status ?? 200, { 'content-type': served.type });
  res.end(served.body);
});
await new Promise<void>((resolve) => board.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => board.close(() => resolve())));

const clock = testClock(new Date());
const { app } = await setupApp({
  isolated: true,
  clock,
  env: { PEOPLE_CN_PULL_URL: `http://127.0.0.1:${(board.address() as AddressInfo).port}/board.csv` },
});
const db = app.services.db;
const agent = await buildSignedInUser(app, 'agent');

/** A Beijing wall-clock time `minutesAgo` before the test clock, as the board writes it: 2026/12/7 9:32:09. */
function boardTime(minutesAgo: number) {
  const d = new Date(clock.now().getTime() - minutesAgo * 60_000 + SHANGHAI_OFFSET_MS);
  d.setUTCMilliseconds(0);
  const two = (n: number) => String(n).padStart(2, '0');
  const text = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()} ${d.getUTCHours()}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return { text, at: new Date(d.getTime() - SHANGHAI_OFFSET_MS) };
}

function upload(source: string, filename: string, content: Buffer | string, headers = agent.headers) {
  const boundary = `----lianxin${uid()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/channels/boards/${source}/import`,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const contactsOf = (channel: string, sourceIds: string[]) =>
  db
    .select()
    .from(writtenContacts)
    .where(and(eq(writtenContacts.channel, channel), inArray(writtenContacts.sourceId, sourceIds)))
    .orderBy(writtenContacts.sourceId);

/** A 人民网 list as its export names the columns (TipDM / 问政 format), with a comma, a quote and a line break in a body. */
function peopleCsv(ids: string[], times: string[]) {
  return [
    '留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数',
    `${ids[0]},A00045581,A2区景蓉华苑物业管理有问题,${times[0]},"物业公司扬言退出小区，要求增收停车费，""业委会""未召开业主大会。
请尽快核查，电话13800138000",0,12`,
    `${ids[1]},A000102948,A3区婚纱影楼是否合法纳税,${times[1]},居民楼内影楼营业额上百万，请税务局查一下,1,0`,
  ].join('\r\n');
}

describe('message boards (人民网, Weibo)', () => {
  describe('import', () => {
    it('takes a 人民网 CSV as waiting contacts in the queue, with its title, Beijing times and votes; the same file again adds nothing', async () => {
      const p = uid();
      const ids = [`${p}1`, `${p}2`];
      const t1 = boardTime(90);
      const csv = peopleCsv(ids, [t1.text, '2026-12-01T08:15:00+08:00']);
      const res = await upload('people_cn', '人民网留言.csv', csv);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ source: 'people_cn', format: 'csv', rows: 2, created: 2, duplicates: 0 });

      const rows = await contactsOf('people_cn', ids);
      expect(rows).toHaveLength(2);
      const first = rows.find((r) => r.sourceId === ids[0])!;
      expect(first).toMatchObject({
        status: 'waiting',
        address: 'A00045581',
        subject: 'A2区景蓉华苑物业管理有问题',
        receivedAt: t1.at,
        meta: expect.objectContaining({ likes: 12, against: 0, importedFrom: 'file', filename: '人民网留言.csv', row: 2 }),
      });
      expect(first.content).toBe('物业公司扬言退出小区，要求增收停车费，"业委会"未召开业主大会。\n请尽快核查，电话13800138000');
      // the number written in the message is only a suggestion: the board account is not linked to that citizen by it
      expect(first).toMatchObject({ citizenId: null, suggestedPhone: '13800138000' });
      expect(first.respondBy.getTime() - first.receivedAt.getTime()).toBe(24 * 3_600_000);
      expect(rows.find((r) => r.sourceId === ids[1])!.receivedAt).toEqual(new Date('2026-12-01T00:15:00Z'));
      // the board cannot carry an automatic acknowledgement: nothing is queued to it
      expect(
        await db
          .select()
          .from(channelMessages)
          .where(
            inArray(
              channelMessages.contactId,
              rows.map((r) => r.id),
            ),
          ),
      ).toEqual([]);

      const queue = (
        await app.inject({ method: 'GET', url: '/api/v1/contacts?channel=people_cn&status=all&limit=200', headers: agent.headers })
      ).json();
      expect(queue.items.map((i: { id: number }) => i.id)).toEqual(expect.arrayContaining(rows.map((r) => r.id)));

      const again = await upload('people_cn', '人民网留言.csv', csv);
      expect(again.json()).toMatchObject({ rows: 2, created: 0, duplicates: 2, contactIds: [] });
      expect(await contactsOf('people_cn', ids)).toHaveLength(2);
    });

    it('reads a CSV that Excel saved in GB18030, and a Weibo Excel workbook whose time cells are Beijing wall-clock times', async () => {
      const gbId = `${uid()}gb`;
      const text = `留言编号,留言用户,留言详情,留言时间\r\n${gbId},U1,小区路灯不亮,2026/12/1 9:05\r\n`;
      const res = await upload('people_cn', 'gbk.csv', encodeGb18030(text));
      expect(res.statusCode).toBe(200);
      const [gb] = await contactsOf('people_cn', [gbId]);
      expect(gb).toMatchObject({ content: '小区路灯不亮', receivedAt: new Date('2026-12-01T01:05:00Z') });

      const weiboId = `49${Date.now()}${Math.floor(Math.random() * 1000)}`;
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('微博');
      sheet.addRow(['微博ID', '用户ID', '用户昵称', '微博正文', '发布时间', '转发数', '评论数', '点赞数']);
      // Excel keeps 2026/12/1 10:30 without a zone; exceljs writes a Date's UTC fields as that wall-clock time
      sheet.addRow([
        weiboId,
        '6012345678',
        '热心市民小王',
        '#12345# 东城路口红绿灯坏了，早高峰很堵',
        new Date(Date.UTC(2026, 11, 1, 10, 30)),
        3,
        5,
        40,
      ]);
      const res2 = await upload('weibo', '微博.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
      expect(res2.statusCode).toBe(200);
      expect(res2.json()).toMatchObject({ source: 'weibo', format: 'xlsx', created: 1 });
      const [w] = await contactsOf('weibo', [weiboId]);
      expect(w).toMatchObject({
        address: '6012345678',
        senderName: '热心市民小王',
        subject: null,
        receivedAt: new Date('2026-12-01T02:30:00Z'),
        meta: expect.objectContaining({ reposts: 3, comments: 5, likes: 40 }),
      });
    });

    it('refuses a file with bad rows whole, naming each row, column and reason in Chinese and English', async () => {
      const good = `${uid()}ok`;
      const csv = [
        '留言编号,留言用户,留言主题,留言时间,留言详情,点赞数',
        `${good},A1,路灯,2026/12/1 9:00:00,路灯不亮,1`,
        `${uid()}x,A2,噪音,2026/12/1 9:00:00,,0`,
        `${uid()}y,A3,占道,昨天下午,占道经营,0`,
        `${uid()}z,A4,停车,2026/12/1 9:00:00,乱停车,很多`,
      ].join('\n');
      const res = await upload('people_cn', 'bad.csv', csv);
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toBe('人民网留言板文件有 3 处错误，未导入任何留言。第 3 行“留言详情”：内容为空');
      expect(error.message_en).toContain('nothing was imported. Row 3, "留言详情": the content is empty');
      expect(error.details).toEqual({
        problemCount: 3,
        problems: [
          { row: 3, column: '留言详情', message: '内容为空', message_en: 'the content is empty' },
          { row: 4, column: '留言时间', message: '无法识别的时间“昨天下午”', message_en: 'cannot read the time "昨天下午"' },
          { row: 5, column: '点赞数', message: '点赞数“很多”不是非负整数', message_en: 'likes "很多" is not a whole number' },
        ],
      });
      expect(await contactsOf('people_cn', [good])).toEqual([]); // all or nothing: the good row is not taken either

      const noId = await upload('people_cn', 'noid.csv', '留言用户,留言时间,留言详情\nA1,2026/12/1 9:00,路灯不亮');
      expect(noId.statusCode).toBe(400);
      expect(noId.json().error.details.problems[0]).toMatchObject({
        row: 1,
        column: '编号',
        message: expect.stringContaining('缺少“编号”列'),
      });

      const xls = await upload('weibo', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
      expect(xls.statusCode).toBe(400);
      expect(xls.json().error.message).toContain('不支持旧版 Excel（.xls）文件');

      const handler = await buildSignedInUser(app, 'handler');
      expect(
        (await upload('people_cn', 'x.csv', peopleCsv([`${uid()}h1`, `${uid()}h2`], ['2026/12/1 9:00', '2026/12/1 9:00']), handler.headers))
          .statusCode,
      ).toBe(403);
    });
  });

  describe('pull', () => {
    it('takes the list from the configured URL as a job; an overlapping pull adds only what is new', async () => {
      const p = uid();
      const [a, b, c] = [`${p}a`, `${p}b`, `${p}c`];
      served = { type: 'text/csv; charset=utf-8', body: peopleCsv([a, b], [boardTime(30).text, boardTime(20).text]) };
      const first = await enqueueJob(app.services, pullMessageBoards, {});
      const outcomes = await runDueJobs(app.services, [pullMessageBoards]);
      expect(outcomes.find((o) => o.id === first.id)).toMatchObject({ status: 'done' });
      expect((await contactsOf('people_cn', [a, b, c])).map((r) => r.sourceId)).toEqual([a, b]);
      expect((await contactsOf('people_cn', [a]))[0].meta).toMatchObject({ importedFrom: 'pull' });

      // the board's next list overlaps the last one; this time as JSON lines with the feed's English keys
      served = {
        type: 'application/x-ndjson',
        body: [b, c]
          .map((id, i) =>
            JSON.stringify({ id, user: `A00${i}`, title: '噪音扰民', time: boardTime(10 - i).text, body: `夜间施工噪音 ${id}`, likes: i }),
          )
          .join('\n'),
      };
      const second = await enqueueJob(app.services, pullMessageBoards, {});
      expect((await runDueJobs(app.services, [pullMessageBoards])).find((o) => o.id === second.id)).toMatchObject({ status: 'done' });
      const rows = await contactsOf('people_cn', [a, b, c]);
      expect(rows.map((r) => r.sourceId)).toEqual([a, b, c]);
      expect(rows[1].subject).toBe('A3区婚纱影楼是否合法纳税'); // b kept as first taken
    });

    it('takes nothing from a list with a bad row, and the job fails with the reason', async () => {
      const ok = `${uid()}fine`;
      served = {
        type: 'text/csv',
        body: `留言编号,留言用户,留言时间,留言详情\n${ok},A1,2026/12/1 9:00,路灯不亮\n${uid()},A2,2026/13/45 9:00,井盖丢失`,
      };
      const job = await enqueueJob(app.services, pullMessageBoards, {});
      const outcome = (await runDueJobs(app.services, [pullMessageBoards])).find((o) => o.id === job.id);
      expect(outcome).toMatchObject({
        status: 'retry',
        error: expect.stringContaining('Row 3, "留言时间": cannot read the time "2026/13/45 9:00"'),
      });
      expect(await contactsOf('people_cn', [ok])).toEqual([]);
      await db.delete(jobs).where(eq(jobs.id, job.id)); // no retry left behind for a later run on this database
    });
  });

  describe('reply export', () => {
    it("exports the latest answer to each message with the board's id: the agent's reply, and the unit's accepted reply for one that became an order", async () => {
      const p = uid();
      const ids = [`${p}r1`, `${p}r2`, `${p}r3`];
      const since = clock.now();
      const csv = `${peopleCsv(ids.slice(0, 2), [boardTime(60).text, boardTime(50).text])}\r\n${ids[2]},A9,未答复的留言,${boardTime(40).text},还没有人答复,0,0`;
      expect((await upload('people_cn', 'list.csv', csv)).json()).toMatchObject({ created: 3 });
      // the first message becomes an order; its notices may only go back to the board, which carries none
      const [ordered, answered] = await contactsOf('people_cn', ids.slice(0, 2));

      clock.advance(60_000);
      const reply = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${answered.id}/reply`,
        headers: agent.headers,
        payload: { body: '您好，已转税务部门核查，将于5个工作日内答复。' },
      });
      expect(reply.statusCode).toBe(200);
      const order = await app.inject({
        method: 'POST',
        url: `/api/v1/contacts/${ordered.id}/ticket`,
        headers: agent.headers,
        payload: { type: 'complaint' },
      });
      expect(order.statusCode).toBe(200);
      const { ticketId, number } = order.json();
      clock.advance(60_000);
      const unit = await buildUnit(db, { name: `住建局${uid()}` });
      await db.insert(replies).values({
        ticketId,
        unitId: unit.id,
        content: '经核查，已责令物业公司暂停收费方案，待业主大会表决。',
        status: 'accepted',
        reviewedAt: clock.now(),
      });

      // "sending" to a board only marks the answer ready for the export; order notices never pick the board
      await runDueJobs(app.services, [sendChannelMessage], { batchSize: 500 });
      const [sent] = await db.select().from(channelMessages).where(eq(channelMessages.id, reply.json().id));
      expect(sent).toMatchObject({ status: 'sent', externalId: 'reply-export' });
      const completed = await app.services.contacts.notifyCitizen(ticketId, 'notice_completed');
      expect(completed).toMatchObject({ channel: 'none', status: 'skipped', lastError: 'no channel to reach the citizen' });

      const exported = await app.inject({
        method: 'GET',
        url: `/api/v1/channels/boards/people_cn/replies?format=csv&since=${since.toISOString()}`,
        headers: agent.headers,
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('text/csv');
      const table = readCsv(exported.body.replace(/^\uFEFF/, ''));
      expect(table.headers).toEqual(['留言编号', '留言用户', '留言主题', '答复内容', '答复时间', '答复单位', '工单号']);
      const ours = table.rows.filter((r) => ids.includes(r.cells['留言编号']));
      // oldest answer first: the agent's reply, then the unit's reply, which replaced the acceptance notice
      expect(ours.map((r) => r.cells)).toEqual([
        expect.objectContaining({
          留言编号: ids[1],
          留言用户: 'A000102948',
          答复内容: '您好，已转税务部门核查，将于5个工作日内答复。',
          工单号: '',
        }),
        expect.objectContaining({
          留言编号: ids[0],
          答复内容: '经核查，已责令物业公司暂停收费方案，待业主大会表决。',
          答复单位: unit.name,
          工单号: number,
        }),
      ]);

      const xlsx = await app.inject({
        method: 'GET',
        url: `/api/v1/channels/boards/people_cn/replies?format=xlsx&since=${since.toISOString()}`,
        headers: agent.headers,
      });
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const values = workbook.worksheets[0].getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).map(String)] : []));
      expect(values[0][0]).toBe('留言编号');
      expect(values.filter((r) => ids.includes(r[0])).map((r) => [r[0], r[3]])).toEqual([
        [ids[1], '您好，已转税务部门核查，将于5个工作日内答复。'],
        [ids[0], '经核查，已责令物业公司暂停收费方案，待业主大会表决。'],
      ]);

      const none = await app.inject({
        method: 'GET',
        url: `/api/v1/channels/boards/people_cn/replies?format=csv&since=${since.toISOString()}&until=${since.toISOString()}`,
        headers: agent.headers,
      });
      expect(readCsv(none.body.replace(/^\uFEFF/, '')).rows).toEqual([]);
    });
  });
});

/** GB18030 bytes of a text (the encoding Excel uses for CSV on Chinese Windows), from the decoder's own table. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return Buffer.from(
    [...text].flatMap((ch) =>
      ch.charCodeAt(0) < 0x80
        ? [ch.charCodeAt(0)]
        : (table.get(ch) ??
          (() => {
            throw new Error(`no GB18030 code for ${ch}`);
          })()),
    ),
  );
}
