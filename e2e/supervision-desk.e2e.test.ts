/**
 * 督办 as the unit lives it (issue 13, third pass): a supervision notice is issued by the centre and must be in front of
 * the unit handler who opens the order, with what is asked and by when.
 */
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../server/lib/actor.ts';
import { surgeWindows } from '../server/modules/insight/alerts/alert-windows.ts';
import { insertTicketRow } from '../test/factories/citizens.ts';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: true });
const WAIT = 60_000;

describe('a 督办 on the unit desk', () => {
  it('shows what is asked and by when at the top of the order the handler opens on a phone', async () => {
    const {
      users,
      tickets: { handling },
    } = h.server.city;
    const supervisor = await h.apiFor(users.supervisor);
    const current = await supervisor<{ version: number }>('GET', `/api/v1/tickets/${handling.id}`);
    await supervisor('POST', `/api/v1/tickets/${handling.id}/supervise`, {
      version: current.version,
      content: '群众反映强烈，请于周五前修复并答复',
      dueAt: '2026-12-11T18:00:00+08:00',
    });

    const page = await h.openAs(users.handlerCgj, '/unit', { phone: true });
    page.setDefaultTimeout(WAIT);
    await page.getByRole('tab', { name: /办理中/ }).click();
    await page.locator(`[data-testid="unit-ticket"][data-number="${handling.number}"]`).click();
    const notice = page.getByTestId('ticket-detail').getByTestId('supervision-notice');
    await notice.waitFor();
    const text = await notice.textContent();
    expect(text).toContain('督办');
    expect(text).toContain('群众反映强烈，请于周五前修复并答复');
    expect(text).toContain('2026-12-11 18:00');
    // in the first screen of the drawer, not below the actions
    const box = await notice.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(844);
  });
});

describe('the 督办 desk (issue 13, fifth pass)', () => {
  it('tags an order under supervision in the order list and on the unit card', async () => {
    const {
      users,
      tickets: { toSign },
    } = h.server.city;
    const supervisor = await h.apiFor(users.supervisor);
    const current = await supervisor<{ version: number }>('GET', `/api/v1/tickets/${toSign.id}`);
    await supervisor('POST', `/api/v1/tickets/${toSign.id}/supervise`, { version: current.version, content: '请今日内签收' });

    const page = await h.openAs(users.dispatcher, '/tickets');
    page.setDefaultTimeout(WAIT);
    const row = page.locator(`tr[data-number="${toSign.number}"]`);
    await row.getByTestId('supervised-tag').waitFor();
    expect(await row.getByTestId('supervised-tag').textContent()).toBe('督办');
    // an order nobody supervised has none
    expect(await page.locator(`tr[data-number="${h.server.city.tickets.waiting1.number}"]`).getByTestId('supervised-tag').count()).toBe(0);

    const unit = await h.openAs(users.handlerCgj, '/unit', { phone: true });
    unit.setDefaultTimeout(WAIT);
    const card = unit.locator(`[data-testid="unit-ticket"][data-number="${toSign.number}"]`);
    await card.getByTestId('supervised-tag').waitFor();
  });

  it('keeps 时限 clear of 主办单位 in 督办 › 工单 at 1440 and 1366 px', async () => {
    const { users } = h.server.city;
    for (const width of [1440, 1366]) {
      const page = await h.openAs(users.supervisor, '/supervision?tab=all');
      page.setDefaultTimeout(WAIT);
      await page.setViewportSize({ width, height: 900 });
      const rows = page.getByTestId('queue-supervision-all').locator('tr[data-number]');
      await rows.first().waitFor();
      for (const row of await rows.all()) {
        const cells = row.locator('td');
        const count = await cells.count();
        // columns: number, title, status, leadUnit, due (pinned right)
        const lead = (await cells.nth(count - 2).boundingBox())!;
        const due = (await cells.nth(count - 1).boundingBox())!;
        expect(lead.x + lead.width, `${width}px`).toBeLessThanOrEqual(due.x + 1);
        // the text of 时限 is not cut off in its cell
        const text = row.getByTestId('due');
        const overflow = await text.evaluate((el) => {
          const cell = el.closest('td')!;
          return { scroll: cell.scrollWidth, client: cell.clientWidth };
        });
        expect(overflow.scroll, `${width}px`).toBeLessThanOrEqual(overflow.client);
      }
      await page.close();
    }
  });

  it('stays on the order acted on after a 督办', async () => {
    const {
      users,
      tickets: { handling },
    } = h.server.city;
    const page = await h.openAs(users.supervisor, '/supervision?tab=all');
    page.setDefaultTimeout(WAIT);
    const list = page.getByTestId('queue-supervision-all');
    const rows = list.locator('tr[data-number]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    // an order that is not the first row
    const first = await rows.first().getAttribute('data-number');
    const target = first === handling.number ? (await rows.nth(1).getAttribute('data-number'))! : handling.number;
    await list.locator(`tr[data-number="${target}"] td`).nth(1).click();
    const pane = page.getByTestId('decision-supervision-all');
    await pane.locator(`[data-number="${target}"]`).waitFor();
    await pane.locator('#supervision-content').fill('请加快办理进度');
    await pane.locator('button[data-action="supervise"]').click();
    await page.locator('.ant-message-success').first().waitFor();
    // the record shows the new notice, on the same order
    await pane.locator(`[data-number="${target}"]`).getByText('请加快办理进度').first().waitFor();
    expect(await pane.getByTestId('decision-current').textContent()).toContain(target);
    expect(await list.locator('tr[aria-selected="true"]').getAttribute('data-number')).toBe(target);
  });

  it('shows the alerts in the first screen at 1366×768 when a leader follows the bell to 预警', async () => {
    const { users, categories, regions, units } = h.server.city;
    const { app } = h.server;
    // every unit of the city has an overdue order: the per-unit table has its full 8 rows, as in a real centre
    for (const unit of Object.values(units))
      await insertTicketRow(app.services.db, {
        status: 'handling',
        slaState: 'overdue',
        leadUnitId: unit.id,
        title: `${unit.name}超期工单`,
      });
    // a burst of noise complaints in 临江区 during the last complete hour raises a surge alert
    const { hour } = surgeWindows(new Date());
    for (let i = 0; i < 12; i++)
      await insertTicketRow(app.services.db, {
        title: '滨江路酒吧夜间噪音扰民',
        content: '滨江路酒吧每晚音乐声很大，影响休息。',
        categoryId: categories.noise.id,
        regionId: regions.districts['临江区'],
        createdAt: new Date(hour.start.getTime() + i * 4 * 60_000),
      });
    expect((await app.services.insight.detectSurgeAlerts(SYSTEM_ACTOR)).raised).toBeGreaterThanOrEqual(1);

    const page = await h.openAs(users.leader, '/supervision?tab=alerts');
    page.setDefaultTimeout(WAIT);
    await page.setViewportSize({ width: 1366, height: 768 });
    const alert = page.getByTestId('alerts-panel').getByTestId('alert').first();
    await alert.waitFor();
    const box = (await alert.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    // the per-unit table filters the order tabs; it is not on 预警 or 热点问题, and is back on an order tab
    expect(await page.getByText('各单位超期/即将超期').count()).toBe(0);
    await page.getByRole('tab', { name: '热点问题' }).click();
    await page.getByRole('tab', { name: '热点问题', selected: true }).waitFor();
    expect(await page.getByText('各单位超期/即将超期').count()).toBe(0);
    await page.getByRole('tab', { name: '已超期' }).click();
    await page.getByText('各单位超期/即将超期').waitFor();
  });
});
