/**
 * The daily desks as their users live them (issue 13): each test is one finding of a day's work on the demo city,
 * written to fail on the screens as they were and pass once the finding is fixed.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: true });

/** An order dispatched to 市城市管理局, replied to and accepted: it waits for a callback. */
async function pendingCallback(content: string) {
  const { users, units, categories } = h.server.city;
  const agent = await h.apiFor(users.agent);
  const handler = await h.apiFor(users.handlerCgj);
  const dispatcher = await h.apiFor(users.dispatcher);
  let t = await agent('POST', '/api/v1/tickets', {
    channel: 'phone', type: 'complaint', content, categoryId: categories.streetLight.id, citizen: { phone: '13800138000' }, dispatch: { leadUnitId: units.cgj.id },
  });
  t = await handler('POST', `/api/v1/tickets/${t.id}/sign`, { version: t.version });
  t = await handler('POST', `/api/v1/tickets/${t.id}/reply`, { version: t.version, content: '已修复。' });
  t = await dispatcher('POST', `/api/v1/tickets/${t.id}/review`, { version: t.version, decision: 'accept' });
  return t as { id: number; number: string; title: string };
}

describe('1 · the order acted on is the order picked', () => {
  it('selects a callback by clicking anywhere on its row, highlights it and names it in the confirmation', async () => {
    const first = await pendingCallback('和平路东段路灯不亮已有三天');
    const second = await pendingCallback('青年路西段路灯闪烁影响通行');
    const page = await h.openAs(h.server.city.users.callback, '/review');
    await page.getByRole('tab', { name: '回访' }).click();
    const queue = page.getByTestId('queue-callback');
    const decision = page.getByTestId('decision-callback');
    await queue.locator(`tr[data-number="${first.number}"]`).waitFor();
    // The pane opens on some order; the user clicks the title (not the blue number) of another one.
    const shown = await decision.locator('[data-number]').first().getAttribute('data-number');
    const other = shown === second.number ? first : second;
    const row = queue.locator(`tr[data-number="${other.number}"]`);
    await row.locator('td').nth(1).click();
    await expect.poll(() => decision.locator('[data-number]').first().getAttribute('data-number')).toBe(other.number);
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(row.getAttribute('class')).resolves.toContain('lx-row-active');
    await expect(decision.getByTestId('decision-current').textContent()).resolves.toContain(other.number);

    await decision.locator('[data-result=basically_satisfied]').click();
    const dialog = page.locator('.ant-modal-confirm');
    await expect(dialog.textContent()).resolves.toContain(other.number);
    await dialog.getByTestId('callback-confirm').click();
    await row.waitFor({ state: 'detached' });

    const api = await h.apiFor(h.server.city.users.callback);
    const done = await api('GET', `/api/v1/tickets/${other.id}`);
    expect(done.callbacks.at(-1).result).toBe('basically_satisfied');
    const untouched = await api('GET', `/api/v1/tickets/${(other === first ? second : first).id}`);
    expect(untouched.status).toBe('pending_callback');
  });

  it('opens an order from anywhere on its row in 工单查询 and names it on the review buttons', async () => {
    const { tickets, users } = h.server.city;
    const page = await h.openAs(users.supervisor, '/tickets');
    const row = page.getByTestId('tickets-table').locator(`tr[data-number="${tickets.waiting1.number}"]`);
    await row.locator('td').nth(1).click();
    await expect.poll(() => page.getByTestId('ticket-detail').getAttribute('data-number')).toBe(tickets.waiting1.number);
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');

    const reviewer = await h.openAs(users.dispatcher, '/review');
    const reviewRow = reviewer.getByTestId('queue-review').locator(`tr[data-number="${tickets.review.number}"]`);
    await reviewRow.locator('td').nth(1).click();
    await expect.poll(() => reviewer.getByTestId('review-accept').textContent()).toContain(tickets.review.number);
  });
});

describe('2 · one search box finds an order by number, phone, address or words', () => {
  it('finds an order in 工单查询 by its number and the citizen\'s phone, counts them all and jumps to a page', async () => {
    const { users, categories } = h.server.city;
    const agent = await h.apiFor(users.agent);
    const phone = '13812345678';
    const wanted = await agent('POST', '/api/v1/tickets', {
      channel: 'phone', type: 'complaint', content: '建设路77号楼下餐馆油烟直排', categoryId: categories.noise.id, address: '建设路77号', citizen: { phone },
    });
    for (let i = 0; i < 21; i++) {
      await agent('POST', '/api/v1/tickets', { channel: 'web', type: 'inquiry', content: `咨询第${i + 1}件：公积金提取需要哪些材料`, categoryId: categories.fundWithdraw.id });
    }
    const page = await h.openAs(users.supervisor, '/tickets');
    const table = page.getByTestId('tickets-table');
    const search = page.getByRole('search').getByRole('searchbox');
    const total = page.getByTestId('list-total');
    await total.waitFor();
    const all = Number(await total.getAttribute('data-total'));
    expect(all).toBeGreaterThan(22);

    for (const q of [wanted.number, phone, '建设路77号']) {
      await search.fill(q);
      await search.press('Enter');
      await expect.poll(() => total.getAttribute('data-total')).toBe('1');
      await table.locator(`tr[data-number="${wanted.number}"]`).waitFor();
    }

    await search.fill('');
    await search.press('Enter');
    await expect.poll(() => total.getAttribute('data-total')).toBe(String(all));
    const jumper = page.getByTestId('pager').locator('.ant-pagination-options-quick-jumper input');
    await jumper.fill('2');
    await jumper.press('Enter');
    await expect.poll(() => page.getByTestId('pager').locator('.ant-pagination-item-active').textContent()).toBe('2');
    await expect.poll(() => table.locator('tr[data-row-key]').count()).toBe(Math.min(20, all - 20));
  });
});
