/**
 * 数据分析: the center computes, ranks and publishes a month's unit assessment; a unit admin appeals a
 * deduction and the center decides it (the score is recomputed); a report is generated, previewed and downloaded.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildOrder, orderStory } from '../test/factories/analytics.ts';
import { monthOf, shiftMonth, today } from '../server/modules/analytics/periods.ts';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: false });

// The assessed month is last month (the page's default): orders with their history placed in it directly.
const month = shiftMonth(monthOf(today(new Date())), -1);
const at = (d: number, hhmm: string) => `${month}-${String(d).padStart(2, '0')}T${hhmm}:00+08:00`;

async function seedLastMonth() {
  const db = h.server.app.services.db;
  const { units } = h.server.city;
  const story = async (day: number) =>
    orderStory(db, (await buildOrder(db, { at: at(day, '08:00'), type: 'complaint', title: '路灯不亮' })).id);
  // 中山区人民政府: good work, but one supervision notice (the deduction it will appeal)
  await (
    await story(3)
  )
    .dispatch(at(3, '09:00'), units.zsGov.id)
    .then((s) => s.sign(at(3, '10:00'), true))
    .then((s) => s.reply(at(4, '10:00'), true))
    .then((s) => s.review(at(4, '11:00')))
    .then((s) => s.callback(at(5, '10:00'), 'satisfied', true))
    .then((s) => s.supervise(at(6, '10:00')));
  // 人民路街道办事处 (another peer group) and 市城市管理局 (late, overdue, unsatisfied)
  await (
    await story(4)
  )
    .dispatch(at(4, '09:00'), units.rmlStreet.id)
    .then((s) => s.sign(at(4, '10:00'), true))
    .then((s) => s.reply(at(5, '10:00'), true))
    .then((s) => s.review(at(5, '11:00')))
    .then((s) => s.callback(at(6, '10:00'), 'basically_satisfied', true));
  await (
    await story(7)
  )
    .dispatch(at(7, '09:00'), units.cgj.id)
    .then((s) => s.sign(at(8, '10:00'), false))
    .then((s) => s.overdue(at(12, '09:00')))
    .then((s) => s.reply(at(13, '10:00'), false))
    .then((s) => s.review(at(13, '11:00')))
    .then((s) => s.callback(at(14, '10:00'), 'unsatisfied', false));
}

describe('analytics workbench', () => {
  it("computes and ranks a month, takes a unit's appeal, decides it, and publishes the month", async () => {
    await seedLastMonth();
    const { users, units } = h.server.city;

    // The supervisor computes last month: the ranking appears per peer group.
    const center = await h.openAs(users.supervisor, '/analytics/assessment');
    // the first look asks the background job for the month; the supervisor need not wait for it
    await center.getByTestId('assessment-computing').waitFor();
    await center.getByTestId('assessment-compute').click();
    await center.getByTestId('assessment-ranking').waitFor({ timeout: 60_000 });
    const districts = center.getByTestId('peer-group-district');
    await districts.getByText('区县').waitFor();
    const zsRow = districts.locator('tr', { hasText: units.zsGov.name });
    await expect(zsRow.locator('td').nth(1).innerText()).resolves.toBe('1');
    // 100 from the indicators, minus 1 for the supervision notice
    await expect(zsRow.innerText()).resolves.toContain('99.00');
    await center.getByTestId('peer-group-department').locator('tr', { hasText: units.cgj.name }).waitFor();

    // Bad scheme: the weights do not add up to 100; the error shows beside them and nothing is computed.
    await center.getByRole('button', { name: /考核方案/ }).click();
    const scheme = center.getByTestId('scheme-form');
    await scheme.getByRole('spinbutton', { name: '权重' }).first().fill('20');
    await center.getByTestId('weight-total').getByText('合计 110').waitFor();
    await center.getByTestId('scheme-compute').click();
    await scheme.getByText('各项权重之和应为 100，当前为 110').waitFor();
    await center.getByRole('button', { name: /取\s*消/ }).click();

    // The unit admin sees the draft (公示) result with the deduction and appeals it.
    const unit = await h.openAs(users.unitAdminZs, '/analytics/my-unit');
    await unit.getByText('公示中（第 1 版）').waitFor();
    await expect(unit.getByTestId('my-unit-score').innerText()).resolves.toContain('99.00');
    await unit.getByTestId('appeal-supervision').click();
    const form = unit.getByTestId('appeal-form');
    await form.getByLabel('申诉理由').waitFor();
    await unit.waitForTimeout(500); // let the modal finish opening before pressing its button
    await unit.getByRole('button', { name: /提\s*交/ }).click();
    await form.getByText('请填写申诉理由').waitFor();
    await form.getByLabel('申诉理由').fill('该督办单系误发，涉及路段属市政设施管理处管辖，已附派单记录。');
    await unit.getByRole('button', { name: /提\s*交/ }).click();
    await unit.getByTestId('my-appeals').getByText('待处理').waitFor();

    // The center approves it: the month is recomputed without the deduction.
    await center.reload();
    await center.getByRole('tab', { name: '考核申诉' }).click();
    const appeals = center.getByTestId('appeals-table');
    await appeals.getByText('该督办单系误发', { exact: false }).waitFor();
    await appeals.getByRole('button', { name: /处\s*理/ }).click();
    await center.getByLabel('处理意见').fill('经核实属误发，同意核减。');
    await center.getByRole('button', { name: /提\s*交/ }).click();
    await appeals.getByText('已同意').waitFor();
    await center.getByRole('tab', { name: '排名' }).click();
    await expect(center.getByTestId('peer-group-district').locator('tr', { hasText: units.zsGov.name }).innerText()).resolves.toContain(
      '100.00',
    );
    const api = await h.apiFor(users.supervisor);
    const after = await api('GET', `/api/v1/analytics/assessments/${month}`);
    expect(after.run.version).toBe(2);
    expect(after.results.find((r: any) => r.unitId === units.zsGov.id).deductions.find((d: any) => d.kind === 'supervision')).toMatchObject(
      { count: 1, waived: 1, points: 0 },
    );

    // Publish, with a confirmation: the month freezes and enters the history as published.
    await center.getByTestId('assessment-publish').click();
    await center
      .getByRole('button', { name: /^发\s*布$/ })
      .last()
      .click();
    await center.getByText('本月考核结果已发布并冻结', { exact: false }).waitFor();
    await expect(center.getByTestId('assessment-compute').isDisabled()).resolves.toBe(true);
    await center.getByRole('tab', { name: '历史' }).click();
    await center.getByTestId('assessment-history').locator('tr', { hasText: month }).getByText('已发布').waitFor();
    expect((await api('GET', `/api/v1/analytics/assessments/${month}`)).run.status).toBe('published');

    // The unit now reads the published month; appeals are closed.
    await unit.reload();
    await unit.getByText('已发布').first().waitFor();
    await expect(unit.getByTestId('appeal-supervision').count()).resolves.toBe(0);
  });

  it('generates a daily report on demand, previews it and downloads PDF and Excel', async () => {
    const page = await h.openAs(h.server.city.users.supervisor, '/analytics/reports');
    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-pdf-frame').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '数据摘要' }).click();
    await page.getByTestId('report-figures').getByText('受理量').first().waitFor();

    const pdfDownload = page.waitForEvent('download');
    await page.getByTestId('preview-pdf').click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toMatch(/热线日报.*\.pdf$/);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

    const xlsxDownload = page.waitForEvent('download');
    await page.getByTestId('preview-xlsx').click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');

    await page.keyboard.press('Escape');
    const rows = page.getByTestId('reports-table').locator('tr[data-row-key]');
    await rows.first().waitFor();
    await expect(rows.first().innerText()).resolves.toContain('日报');
  });

  it('puts bad input beside its field: a period ending in the future, an incomplete special report', async () => {
    const page = await h.openAs(h.server.city.users.leader, '/analytics/indicators');
    await page.getByTestId('indicators-table').waitFor();
    const future = new Date(Date.now() + 10 * 86_400_000).toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' });
    const ends = page.locator('.ant-picker-range input');
    const start = `${future.slice(0, 7)}-01`;
    await ends.nth(0).click();
    await page.locator(`.ant-picker-dropdown .ant-picker-cell-in-view[title="${start}"]`).click();
    await page.locator(`.ant-picker-dropdown .ant-picker-cell-in-view[title="${future}"]`).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '统计期不能晚于今天' }).waitFor();

    await page.goto('/analytics/reports');
    await page.getByTestId('report-kind').getByText('专报').click();
    await page.getByRole('button', { name: '立即生成' }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '请选择统计期' }).waitFor();
    await page.locator('.ant-form-item-explain-error', { hasText: '请填写专报标题' }).waitFor();
  });
});
