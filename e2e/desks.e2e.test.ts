/** Agent, dispatch and unit desks: answering on the spot, drafts and field errors, return and re-dispatch, extensions. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from './support/harness.ts';

const h = useHarness();

async function pickCategory(page: Page, path: string[]) {
  await page.locator('#categoryId').click();
  for (const name of path) await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
  await page.keyboard.press('Escape');
}

async function createDispatched(content: string, leadUnitId: number) {
  const agent = await h.apiFor(h.server.city.users.agent);
  return agent('POST', '/api/v1/tickets', {
    channel: 'phone',
    type: 'complaint',
    content,
    categoryId: h.server.city.categories.streetLight.id,
    citizen: { phone: '13800138000' },
    dispatch: { leadUnitId },
  });
}

describe('agent desk', () => {
  it('answers a caller on the spot from the knowledge base', async () => {
    const page = await h.openAs(h.server.city.users.agent, '/agent');
    await page.locator('#caller-phone').fill('13700001111');
    await page.locator('#caller-phone').press('Enter');
    await page.getByTestId('caller-summary').waitFor();
    await expect(page.locator('#phone').inputValue()).resolves.toBe('13700001111');
    await page.locator('#type label', { hasText: '咨询' }).click();
    await pickCategory(page, ['城乡建设', '住房公积金', '公积金提取']);
    await page.locator('#content').fill('租房可以提取公积金吗？需要什么材料？');
    await page.keyboard.press('Alt+K');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('knowledge-search');
    await page.keyboard.type('公积金 提取');
    await page.keyboard.press('Enter');
    await page.getByTestId('knowledge-answer').first().click();
    await page.getByTestId('direct-answer-confirm').click();
    const result = page.getByTestId('intake-result');
    await result.waitFor();
    const number = await result.getAttribute('data-number');

    const agent = await h.apiFor(h.server.city.users.agent);
    const detail = await agent('GET', `/api/v1/tickets/by-number/${number}`);
    expect(detail.status).toBe('closed');
    expect(detail.resolution).toBe('direct_answer');
    expect(detail.knowledgeItemIds).toEqual([h.server.city.knowledge[0].id]);
    // The form is empty again and no draft is left behind.
    await expect(page.locator('#content').inputValue()).resolves.toBe('');
  });

  it('keeps a half-written order across a reload and shows errors beside the fields', async () => {
    const page = await h.openAs(h.server.city.users.agent, '/agent');
    await page.locator('#phone').fill('12345');
    await page.locator('#content').fill('小区门口的井盖丢了');
    await page.keyboard.press('Control+s');
    const phoneError = page.locator('#phone_help, .ant-form-item-has-error').filter({ hasText: '请输入正确的手机号' });
    await phoneError.first().waitFor();
    // the fields' errors render one after another: wait for the category's before counting it
    await expect.poll(() => page.locator('.ant-form-item-has-error').filter({ hasText: '请选择诉求分类' }).count()).toBe(1);

    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    await expect(page.locator('#content').inputValue()).resolves.toBe('小区门口的井盖丢了');
    await expect(page.locator('#phone').inputValue()).resolves.toBe('12345');

    // Fixed, then saved and dispatched with the keyboard.
    await page.locator('#phone').fill('13600001234');
    await pickCategory(page, ['城市管理', '市政设施', '井盖缺失破损']);
    await page.locator('#leadUnitId').click();
    await page.keyboard.type('城市管理局');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '市城市管理局' }).first().click();
    await page.locator('#content').click();
    await page.keyboard.press('Control+Enter');
    const result = page.getByTestId('intake-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('市城市管理局');
    await page.reload();
    await page.getByTestId('intake-form').waitFor();
    await expect(page.getByTestId('draft-restored').count()).resolves.toBe(0);
  });

  it('merges a just-saved order into an earlier duplicate', async () => {
    const agentApi = await h.apiFor(h.server.city.users.agent);
    const content = '青年路幸福小区北门东侧的污水井盖破损下陷，车辆经过时很危险';
    const earlier = await agentApi('POST', '/api/v1/tickets', {
      channel: 'phone',
      type: 'complaint',
      content,
      categoryId: h.server.city.categories.manhole.id,
      citizen: { phone: '13611112222' },
    });

    const page = await h.openAs(h.server.city.users.agent, '/agent');
    await pickCategory(page, ['城市管理', '市政设施', '井盖缺失破损']);
    await page.locator('#content').fill(content);
    await page.keyboard.press('Control+s');
    const result = page.getByTestId('intake-result');
    await result.waitFor();
    const number = await result.getAttribute('data-number');
    const panel = page.getByTestId('similar-panel');
    await panel.getByText(earlier.number).waitFor();
    await panel.locator('.ant-list-item', { hasText: earlier.number }).getByTestId('merge-into').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => result.textContent()).toContain('已并单');

    const merged = await agentApi('GET', `/api/v1/tickets/by-number/${number}`);
    expect(merged.status).toBe('merged');
    expect(merged.mergedIntoId).toBe(earlier.id);
  });
});

describe('dispatch and unit desks', () => {
  it('returns an order with a reason and re-dispatches it to another unit', async () => {
    const { users, units } = h.server.city;
    const ticket = await createDispatched('人民路与和平路口的路灯不亮', units.cgj.id);
    const handler = await h.openAs(users.handlerCgj, '/unit');
    const card = handler.locator(`[data-testid=unit-ticket][data-number="${ticket.number}"]`);
    await card.locator('[data-action=return]').click();
    const modal = handler.locator('.ant-modal');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.locator('.ant-form-item-has-error').filter({ hasText: '请填写原因' }).waitFor();
    await modal.getByLabel('原因').fill('该路段路灯由区政府管理，不属于我局职责');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await card.waitFor({ state: 'detached' });

    const dispatcher = await h.openAs(users.dispatcher, '/dispatch');
    const row = dispatcher.locator(`tr[data-number="${ticket.number}"]`);
    await expect(row.locator('[data-status]').getAttribute('data-status')).resolves.toBe('returned');
    await row.locator('input[type=checkbox]').check();
    await dispatcher.getByTestId('unit-search').locator('input').fill('人民路');
    await dispatcher.locator('.ant-tree-title', { hasText: units.rmlStreet.name }).click();
    // the catalogue names 市城市管理局 for street lights: another unit needs a reason
    await dispatcher.getByTestId('off-catalogue').waitFor();
    await dispatcher.locator('#off-catalogue-reason').fill('该路段路灯由区政府管理');
    await dispatcher.getByTestId('dispatch-confirm').click();
    await row.waitFor({ state: 'detached' });

    const api = await h.apiFor(users.dispatcher);
    const detail = await api('GET', `/api/v1/tickets/${ticket.id}`);
    expect(detail.status).toBe('pending_sign');
    expect(detail.leadUnitId).toBe(units.rmlStreet.id);
    expect(detail.events.find((e: { action: string }) => e.action === 'return').note).toContain('不属于我局职责');
  });

  it('requests an extension and the center approves it', async () => {
    const { users, units } = h.server.city;
    const created = await createDispatched('和平小区路灯线路老化需要整体更换', units.cgj.id);
    const handlerApi = await h.apiFor(users.handlerCgj);
    const signed = await handlerApi('POST', `/api/v1/tickets/${created.id}/sign`, { version: created.version });

    const handler = await h.openAs(users.handlerCgj, '/unit');
    await handler.getByRole('tab', { name: /办理中/ }).click();
    const card = handler.locator(`[data-testid=unit-ticket][data-number="${created.number}"]`);
    await card.locator('[data-action=request_extension]').click();
    const modal = handler.locator('.ant-modal');
    await modal.getByLabel('延期天数（工作日）').fill('5');
    await modal.getByLabel('原因').fill('需采购专用电缆，供货周期约一周');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.waitFor({ state: 'hidden' });

    const dispatcher = await h.openAs(users.dispatcher, '/dispatch');
    await dispatcher.getByRole('tab', { name: '延期审批' }).click();
    await dispatcher.locator(`tr[data-number="${created.number}"] button`).first().click();
    const drawer = dispatcher.getByTestId('ticket-detail');
    await drawer.locator('[data-action=decide_extension]').click();
    const decide = dispatcher.locator('.ant-modal');
    await decide.getByText('同意', { exact: true }).click();
    await decide.getByRole('button', { name: /提\s*交/ }).click();
    await expect.poll(() => drawer.getAttribute('data-status')).toBe('handling');

    const detail = await handlerApi('GET', `/api/v1/tickets/${created.id}`);
    expect(detail.status).toBe('handling');
    expect(new Date(detail.handleDueAt).getTime()).toBeGreaterThan(new Date(signed.handleDueAt).getTime());
    expect(detail.extensions[0]).toMatchObject({ requestedDays: 5, status: 'approved' });
  });

  it('sends a reply back with a reason, and the unit finds it under 被驳回', async () => {
    const { users, units } = h.server.city;
    const created = await createDispatched('文化路路灯白天常亮晚上不亮', units.cgj.id);
    const handlerApi = await h.apiFor(users.handlerCgj);
    const signed = await handlerApi('POST', `/api/v1/tickets/${created.id}/sign`, { version: created.version });
    await handlerApi('POST', `/api/v1/tickets/${created.id}/reply`, { version: signed.version, content: '已处理。' });

    const reviewer = await h.openAs(users.dispatcher, '/review');
    await reviewer.locator(`tr[data-number="${created.number}"] button`).first().click();
    const decision = reviewer.getByTestId('decision-review');
    await expect.poll(() => decision.locator('[data-number]').getAttribute('data-number')).toBe(created.number);
    await decision.getByTestId('review-reject').click();
    await decision.getByRole('alert').filter({ hasText: '驳回时请填写原因' }).waitFor();
    await decision.locator('#review-note').fill('答复过于简单，请说明维修时间和结果');
    await decision.getByTestId('review-reject').click();
    await reviewer.locator(`tr[data-number="${created.number}"]`).waitFor({ state: 'detached' });

    const handler = await h.openAs(users.handlerCgj, '/unit');
    await handler.getByRole('tab', { name: /被驳回/ }).click();
    const card = handler.getByTestId('unit-list-rejected').locator(`[data-number="${created.number}"]`);
    await card.click();
    await handler
      .getByTestId('ticket-detail')
      .getByRole('tab', { name: /办理答复/ })
      .click();
    await handler.getByText('驳回意见：答复过于简单，请说明维修时间和结果').waitFor();
    // An order still in progress that was never sent back is not under 被驳回.
    await expect(handler.getByTestId('unit-list-rejected').locator('[data-testid=unit-ticket]').count()).resolves.toBe(1);
  });

  it('passes an order down to a sub-unit, which then signs it', async () => {
    const { users, units } = h.server.city;
    const created = await createDispatched('光明路人行道路灯杆倾斜', units.cgj.id);
    const handlerApi = await h.apiFor(users.handlerCgj);
    await handlerApi('POST', `/api/v1/tickets/${created.id}/sign`, { version: created.version });

    const handler = await h.openAs(users.handlerCgj, '/unit');
    await handler.getByRole('tab', { name: /办理中/ }).click();
    const card = handler.locator(`[data-testid=unit-ticket][data-number="${created.number}"]`);
    await card.locator('[data-action=subdispatch]').click();
    const modal = handler.locator('.ant-modal');
    await modal.locator('#unitId').click();
    // Only the unit's own sub-units are offered.
    await expect(handler.locator('.ant-select-tree-node-content-wrapper', { hasText: units.sthj.name }).count()).resolves.toBe(0);
    await handler.locator('.ant-select-tree-node-content-wrapper', { hasText: units.sz.name }).click();
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.waitFor({ state: 'hidden' });

    const sub = await h.openAs(users.handlerSz, '/unit');
    const subCard = sub.locator(`[data-testid=unit-ticket][data-number="${created.number}"]`);
    await subCard.locator('[data-action=sign]').click();
    await subCard.waitFor({ state: 'detached' });
    const detail = await handlerApi('GET', `/api/v1/tickets/${created.id}`);
    expect(detail.assignments.some((a: { unitId: number; signedAt: string | null }) => a.unitId === units.sz.id && a.signedAt)).toBe(true);
  });
});
