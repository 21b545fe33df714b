import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tickets } from '../../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../../lib/actor.ts';
import { setupApp, testClock } from '../../../../test/app.ts';
import { buildOrder, clearAnalyticsWindow, orderStory } from '../../../../test/factories/analytics.ts';
import { buildCategory, buildRegion, buildSignedInUser, buildUnit, uid } from '../../../../test/factories/orgs.ts';
import { randomTestMonth, testMonth } from '../../../../test/factories/windows.ts';
import { shiftMonth } from '../periods.ts';
import { SHEET_NAMES } from './report-excel.ts';

const w = randomTestMonth();
const next = testMonth(shiftMonth(w.month, 1));
const prev = testMonth(shiftMonth(w.month, -1));
const lastYear = testMonth(shiftMonth(w.month, -12));
const { app } = await setupApp({
  clock: testClock(next.at(3, '10:00')),
  env: { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lianxin-reports-')) },
});
const db = app.services.db;
afterAll(async () => {
  // closed, so later runs on the shared database do not list it
  await db.update(tickets).set({ status: 'closed', slaState: 'normal' }).where(eq(tickets.id, overdueTicketId));
  await clearAnalyticsWindow(db, w.day(1), next.day(28));
  await clearAnalyticsWindow(db, prev.day(1), prev.day(28));
  await clearAnalyticsWindow(db, lastYear.day(1), lastYear.day(28));
});

const daysInMonth = new Date(Date.UTC(Number(w.month.slice(0, 4)), Number(w.month.slice(5)), 0)).getUTCDate();
const supervisor = await buildSignedInUser(app, 'supervisor');
const category = await buildCategory(db, { name: `城乡建设${uid()}` });
const district = await buildRegion(db, { level: 'district', name: `东城区${uid()}` });
const unit = await buildUnit(db, { name: `住建局${uid()}`, peerGroup: `peer-${uid()}` });
const overdueTitle = `楼道照明长期损坏${uid()}`;
let overdueTicketId = 0;

for (const d of [5, 6, 6, 20]) {
  const o = await buildOrder(db, {
    at: w.at(d, '09:00'),
    categoryId: category.id,
    regionId: district.id,
    channel: 'phone',
    title: d === 20 ? overdueTitle : '测试',
  });
  const s = await orderStory(db, o.id).dispatch(w.at(d, '10:00'), unit.id);
  if (d === 20) {
    await s.overdue(w.at(d, '18:00'));
    // the oldest deadline on the shared database, so it heads the overdue list
    await db
      .update(tickets)
      .set({ handleDueAt: new Date('1800-01-01T00:00:00Z') })
      .where(eq(tickets.id, o.id));
    overdueTicketId = o.id;
  } else {
    await s
      .sign(w.at(d, '11:00'), true)
      .then((x) => x.reply(w.at(d + 1, '11:00'), true))
      .then((x) => x.review(w.at(d + 1, '12:00')))
      .then((x) => x.callback(w.at(d + 2, '10:00'), 'satisfied', true));
  }
}
for (const at of [prev.at(10, '09:00'), prev.at(11, '09:00'), lastYear.at(10, '09:00')])
  await buildOrder(db, { at, categoryId: category.id, regionId: district.id });

const post = (payload: Record<string, unknown>, headers = supervisor.headers) =>
  app.inject({ method: 'POST', url: '/api/v1/analytics/reports', headers, payload });
const get = (url: string) => app.inject({ method: 'GET', url, headers: supervisor.headers });

/** The PDF's text as a reader's copy-paste would give it (pdf.js, so the test needs no poppler-utils). */
async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await doc.destroy();
  return text;
}

describe('reports API', () => {
  let monthlyId = 0;

  it('generates a monthly report with 环比 and 同比', async () => {
    const res = await post({ kind: 'monthly', date: w.day(15) });
    expect(res.statusCode).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({ kind: 'monthly', title: `12345 热线月报（${w.month}）`, periodFrom: w.day(1) });
    monthlyId = report.id;
    const { content } = (await get(`/api/v1/analytics/reports/${report.id}`)).json();
    const contacts = content.headline.find((h: any) => h.id === 'contacts');
    expect(contacts).toMatchObject({
      value: 4,
      previous: 2,
      yearAgo: 1,
      vsPrevious: { delta: 2, relative: 1 },
      vsYearAgo: { delta: 3, relative: 3 },
    });
    expect(content.headline.find((h: any) => h.id === 'on_time_completion_rate')).toMatchObject({ value: 1, previous: null });
    expect(content.topCategories[0]).toEqual({ name: category.name, contacts: 4, share: 1 });
    expect(content.topRegions[0]).toEqual({ name: district.name, contacts: 4, share: 1 });
    expect(content.units.find((u: any) => u.unitId === unit.id)).toMatchObject({
      rank: 1,
      dispatches: 4,
      satisfactionRate: 1,
      compositeScore: 100,
    });
    expect(content.overdue.find((o: any) => o.title === overdueTitle)).toMatchObject({ unitName: unit.name, status: 'pending_sign' });
    expect(content.trend).toHaveLength(daysInMonth);
    expect(content.trend.reduce((sum: number, t: any) => sum + t.contacts, 0)).toBe(4);
  });

  it('renders a PDF whose Chinese text can be extracted', async () => {
    const res = await get(`/api/v1/analytics/reports/${monthlyId}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`12345 热线月报（${w.month}）.pdf`));
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      `12345 热线月报（${w.month}）`,
      '一、主要指标',
      '受理量',
      '环比',
      '同比',
      '+100.0%',
      '+300.0%',
      '诉求分类排行',
      category.name,
      district.name,
      unit.name,
      overdueTitle,
      '满意率',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('writes an Excel file with the expected sheets and totals', async () => {
    const res = await get(`/api/v1/analytics/reports/${monthlyId}/xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.worksheets.map((s) => s.name)).toEqual([...SHEET_NAMES]);
    const trend = wb.getWorksheet('趋势')!;
    const last = trend.getRow(trend.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(2).value).toBe(4);
    expect(trend.rowCount).toBe(daysInMonth + 2);
    const summary = wb.getWorksheet('概况')!;
    const contactsRow = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === '受理量')!;
    expect([
      contactsRow.getCell(3).value,
      contactsRow.getCell(4).value,
      contactsRow.getCell(5).value,
      contactsRow.getCell(6).value,
    ]).toEqual([4, 2, '+100.0%', 1]);
    const categories = wb.getWorksheet('分类')!;
    expect(categories.getRow(2).values).toEqual([undefined, category.name, 4, 1]);
  });

  it('generates daily and special reports and lists them', async () => {
    const daily = await post({ kind: 'daily', date: w.day(6) });
    expect(daily.json()).toMatchObject({ kind: 'daily', periodFrom: w.day(6), periodTo: w.day(6) });
    const dailyContent = (await get(`/api/v1/analytics/reports/${daily.json().id}`)).json().content;
    expect(dailyContent.headline[0]).toMatchObject({ id: 'contacts', value: 2, previous: 1 });
    expect(dailyContent.trend).toHaveLength(7);
    const special = await post({ kind: 'special', from: w.day(5), to: w.day(20), title: '物业管理专题分析', categoryId: category.id });
    expect(special.statusCode).toBe(201);
    const focus = (await get(`/api/v1/analytics/reports/${special.json().id}`)).json().content.focus;
    expect(focus.name).toBe(category.pathName);
    expect(focus.headline[0]).toMatchObject({ id: 'contacts', value: 4 });
    expect(await pdfText((await get(`/api/v1/analytics/reports/${special.json().id}/pdf`)).rawPayload)).toContain('物业管理专题分析');
    const listed = (await get('/api/v1/analytics/reports?kind=special&limit=200')).json().items;
    expect(listed.map((r: any) => r.id)).toContain(special.json().id);
    expect(listed.every((r: any) => r.kind === 'special')).toBe(true);
  });

  it('generates the scheduled reports once per period', async () => {
    const first = await app.services.analytics.reports.generateScheduled(SYSTEM_ACTOR);
    expect(first.find((r) => r.kind === 'daily')).toMatchObject({
      periodFrom: next.day(2),
      periodTo: next.day(2),
      params: { isScheduled: true },
    });
    expect(await app.services.analytics.reports.generateScheduled(SYSTEM_ACTOR)).toEqual([]);
  });

  it('rejects bad requests with reasons and stores nothing', async () => {
    const newestId = () => get('/api/v1/analytics/reports?limit=1').then((r) => r.json().items[0].id);
    const before = await newestId();
    expect((await post({ kind: 'special', from: w.day(5), to: w.day(6) })).json().error.details.reason).toBe('title_required');
    expect((await post({ kind: 'special', title: 'x' })).json().error.details.reason).toBe('period_required');
    expect((await post({ kind: 'special', from: w.day(9), to: w.day(2), title: 'x' })).json().error.details.reason).toBe('reversed_period');
    expect((await post({ kind: 'daily', date: next.day(4) })).json().error.details.reason).toBe('future_period');
    expect((await post({ kind: 'special', from: w.day(5), to: w.day(6), title: 'x', categoryId: 987654321 })).json().error.code).toBe(
      'UNKNOWN_REFERENCE',
    );
    expect((await post({ kind: 'yearly' })).statusCode).toBe(400);
    const handler = await buildSignedInUser(app, 'handler', { unitId: unit.id });
    expect((await post({ kind: 'daily' }, handler.headers)).statusCode).toBe(403);
    expect((await get('/api/v1/analytics/reports/987654321/pdf')).statusCode).toBe(404);
    expect(await newestId()).toBe(before);
  });
});
