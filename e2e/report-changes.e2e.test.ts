/**
 * 环比 / 同比 in a report's figures (issue 13, fifth pass): the three-rate composite score and the durations change by
 * points and hours, which the preview showed as "—" although the report held both periods' values.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reports } from '../server/db/schema.ts';
import type { HeadlineRow, ReportContent } from '../server/modules/analytics/reports/reports.content.ts';
import { changeOf } from '../server/modules/analytics/reports/reports.content.ts';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: true });

/** A new daily report whose headline rows are rewritten by `edit`, opened in the preview's 数据摘要 as the supervisor. */
async function previewFigures(edit: (row: HeadlineRow) => HeadlineRow) {
  const { users } = h.server.city;
  const supervisor = await h.apiFor(users.supervisor);
  const created = await supervisor<{ id: number }>('POST', '/api/v1/analytics/reports', { kind: 'daily' });
  const db = h.server.app.services.db;
  const [row] = await db.select().from(reports).where(eq(reports.id, created.id));
  const content = row.content as ReportContent;
  await db
    .update(reports)
    .set({ content: { ...content, headline: content.headline.map(edit) } })
    .where(eq(reports.id, created.id));
  const page = await h.openAs(users.supervisor, '/analytics/reports');
  page.setDefaultTimeout(60_000);
  await page.getByTestId('reports-table').locator(`tr[data-row-key="${created.id}"]`).getByRole('button', { name: /预览/ }).click();
  await page.getByRole('tab', { name: '数据摘要' }).click();
  return { page, figures: page.getByTestId('report-figures') };
}

describe('a report preview', () => {
  it('shows the composite score’s change against the previous period and a year ago', async () => {
    // the small city has no history: give the stored report the figures a city with a year behind it has
    const withHistory = (x: HeadlineRow): HeadlineRow => {
      if (x.id !== 'composite_score') return x;
      const value = x.value ?? 80;
      return {
        ...x,
        value,
        previous: value - 2.5,
        yearAgo: value + 4,
        vsPrevious: changeOf(x.kind, value, value - 2.5),
        vsYearAgo: changeOf(x.kind, value, value + 4),
      };
    };
    const { figures } = await previewFigures(withHistory);
    const composite = figures.locator('tr', { hasText: '三率综合得分' }).first();
    await composite.waitFor();
    const cells = await composite.locator('td').allInnerTexts();
    expect(cells[2]).toBe('+2.50 分');
    expect(cells[3]).toBe('-4.00 分');
  });

  it('leaves a change that rounds to 0.0 个百分点 uncoloured and unsigned', async () => {
    // 满意率 (higher is better) a hair above last period and a hair below a year ago: both print as 0.0
    const almostSame = (x: HeadlineRow): HeadlineRow =>
      x.id !== 'satisfaction_rate'
        ? x
        : {
            ...x,
            value: 0.9,
            previous: 0.89996,
            yearAgo: 0.90004,
            vsPrevious: changeOf(x.kind, 0.9, 0.89996),
            vsYearAgo: changeOf(x.kind, 0.9, 0.90004),
          };
    const { page, figures } = await previewFigures(almostSame);
    const satisfaction = figures
      .locator('tr')
      .filter({ has: page.locator('td:first-child', { hasText: /^满意率$/ }) })
      .first();
    await satisfaction.waitFor();
    const changes = await satisfaction
      .locator('td')
      .evaluateAll((cells) =>
        cells
          .slice(2, 4)
          .map((td) => ({ text: td.textContent, isColoured: !!td.querySelector('.ant-typography-success, .ant-typography-danger') })),
      );
    expect(changes).toEqual([
      { text: '0.0 个百分点', isColoured: false },
      { text: '0.0 个百分点', isColoured: false },
    ]);
  });
});
