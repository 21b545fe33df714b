/**
 * The desks walked through again as their users (issue 13, second pass): each test is one defect found on the demo
 * city, written to fail on the screens as they were.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: true });
const WAIT = 60_000;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: WAIT });

describe('the dispatch desk acts on the order last clicked', () => {
  it('opens with the first order of the queue picked, its suggestions beside it', async () => {
    const page = await h.openAs(h.server.city.users.dispatcher, '/dispatch');
    page.setDefaultTimeout(WAIT);
    const rows = page.getByTestId('dispatch-queue').locator('tr[data-number]');
    await rows.first().waitFor();
    const number = (await rows.first().getAttribute('data-number'))!;
    await poll(() => rows.first().getAttribute('aria-selected')).toBe('true');
    await poll(() => page.getByTestId('dispatch-confirm').textContent()).toContain(number);
    await expect(page.getByTestId('dispatch-suggestions').textContent()).resolves.toContain(number);
    await expect(page.getByTestId('dispatch-queue').locator('tr[aria-selected="true"]').count()).resolves.toBe(1);
  });

  it("picks only the clicked order on a plain click, adds with Ctrl or the checkbox, and shows the clicked order's suggestions", async () => {
    const {
      users,
      tickets: { waiting1, waiting2 },
    } = h.server.city;
    const page = await h.openAs(users.dispatcher, '/dispatch');
    page.setDefaultTimeout(WAIT);
    const queue = page.getByTestId('dispatch-queue');
    const panel = page.getByTestId('dispatch-panel');
    const first = queue.locator(`tr[data-number="${waiting1.number}"]`);
    const second = queue.locator(`tr[data-number="${waiting2.number}"]`);

    // looking at one order, then the next: the second replaces the first, in the suggestions and on the button
    await first.locator('td').nth(2).click();
    await poll(() => panel.getByTestId('dispatch-confirm').textContent()).toContain(waiting1.number);
    await panel.getByTestId('use-unit').first().click();
    await poll(() => panel.getByTestId('dispatch-confirm').textContent()).toContain('→');
    await second.locator('td').nth(2).click();
    await poll(() => panel.getByTestId('dispatch-confirm').textContent()).toContain(waiting2.number);
    await expect(first.getAttribute('aria-selected')).resolves.toBe('false');
    await expect(panel.getByTestId('dispatch-suggestions').textContent()).resolves.toContain(waiting2.number);
    // the unit picked for the first order is not carried over to the second
    await expect(panel.getByTestId('dispatch-confirm').textContent()).resolves.not.toContain('→');

    // bulk work is still there: Ctrl+click or the checkbox adds an order
    await first
      .locator('td')
      .nth(2)
      .click({ modifiers: ['Control'] });
    await poll(() => panel.getByTestId('dispatch-confirm').textContent()).toContain('2');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await second.locator('input[type=checkbox]').click();
    await poll(() => second.getAttribute('aria-selected')).toBe('false');
    await poll(() => panel.getByTestId('dispatch-confirm').textContent()).toContain(waiting1.number);
  });
});

describe('a reply from a template is sent only once its blanks are filled', () => {
  it('keeps the reply open with the reason beside 办理结果 while a “____” is left, and sends it once filled', async () => {
    const {
      users,
      categories,
      tickets: { handling },
    } = h.server.city;
    const admin = await h.apiFor(users.admin);
    await admin('POST', '/api/v1/reply-templates', {
      title: '路灯已修复（待填）',
      categoryId: categories.streetLight.id,
      content: '您好！您反映的____路段路灯不亮问题，已于____日修复。',
    });
    const page = await h.openAs(users.handlerCgj, '/unit', { phone: true });
    page.setDefaultTimeout(WAIT);
    await page.getByRole('tab', { name: /办理中/ }).click();
    await page.locator(`[data-testid=unit-ticket][data-number="${handling.number}"] [data-action=reply]`).click();
    const modal = page.locator('.ant-modal').filter({ hasText: handling.number });
    await modal.locator('#reply-template').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '路灯已修复（待填）' }).click();
    const content = modal.getByLabel('办理结果');
    await poll(() => content.inputValue()).toContain('____');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.locator('.ant-form-item-explain-error', { hasText: '未填写的“____”' }).waitFor();
    const api = await h.apiFor(users.handlerCgj);
    expect((await api('GET', `/api/v1/tickets/${handling.id}`)).status).toBe('handling');

    await content.fill('您好！您反映的和平小区门口路灯不亮问题，已于12月7日修复。');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.waitFor({ state: 'detached' });
    expect((await api('GET', `/api/v1/tickets/${handling.id}`)).status).toBe('pending_review');
  });
});

describe('a queue searched for one order shows that order beside it', () => {
  it('moves the 回访 pane to the order the search found, instead of keeping one the list no longer shows', async () => {
    const { users, units, categories } = h.server.city;
    const agent = await h.apiFor(users.agent);
    const handler = await h.apiFor(users.handlerCgj);
    const dispatcher = await h.apiFor(users.dispatcher);
    const waiting: { number: string }[] = [];
    for (const content of ['和平路东段路灯不亮已有三天', '青年路西段路灯闪烁影响通行']) {
      let t = await agent('POST', '/api/v1/tickets', {
        channel: 'phone',
        type: 'complaint',
        content,
        categoryId: categories.streetLight.id,
        citizen: { phone: '13800138000' },
        dispatch: { leadUnitId: units.cgj.id },
      });
      t = await handler('POST', `/api/v1/tickets/${t.id}/sign`, { version: t.version });
      t = await handler('POST', `/api/v1/tickets/${t.id}/reply`, { version: t.version, content: '已修复。' });
      waiting.push(await dispatcher('POST', `/api/v1/tickets/${t.id}/review`, { version: t.version, decision: 'accept' }));
    }
    const page = await h.openAs(users.callback, '/review');
    page.setDefaultTimeout(WAIT);
    await page.getByRole('tab', { name: '回访' }).click();
    const queue = page.getByTestId('queue-callback');
    const current = page.getByTestId('decision-callback').getByTestId('decision-current');
    await queue.locator(`tr[data-number="${waiting[1].number}"]`).waitFor();
    const shown = await page.getByTestId('decision-callback').locator('[data-number]').first().getAttribute('data-number');
    const wanted = shown === waiting[0].number ? waiting[1] : waiting[0];

    const search = page
      .getByTestId('decision-callback')
      .locator('xpath=ancestor::div[contains(@class,"ant-row")][1]')
      .getByPlaceholder(/工单编号/);
    await search.fill(wanted.number);
    await search.press('Enter');
    await poll(() => queue.locator('tr[data-number]').count()).toBe(1);
    await poll(() => current.textContent()).toContain(wanted.number);
    await expect(queue.locator(`tr[data-number="${wanted.number}"]`).getAttribute('aria-selected')).resolves.toBe('true');
  });
});

describe('supervision shows the deadline an order is late for', () => {
  it('shows the sign deadline of an order overdue to be signed, and the handling deadline of one in hand', async () => {
    const {
      users,
      tickets: { toSign, handling },
    } = h.server.city;
    const api = await h.apiFor(users.supervisor);
    const page = await h.openAs(users.supervisor, '/supervision');
    page.setDefaultTimeout(WAIT);
    const overdue = page.locator(`tr[data-number="${toSign.number}"]`);
    const due = overdue.getByTestId('due');
    await poll(() => due.textContent()).toMatch(/^签收/);
    const late = await api('GET', `/api/v1/tickets/${toSign.id}`);
    await expect(due.getAttribute('title')).resolves.toContain(
      new Date(late.signDueAt).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16),
    );
    await page.getByRole('tab', { name: '即将超期' }).click();
    await poll(() => page.locator(`tr[data-number="${handling.number}"]`).getByTestId('due').textContent()).toMatch(/^办结/);
  });
});
