/** 答复模板 administration: an admin adds, changes, retires and reinstates the wording units reply with, and units see the change. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';

const h = useHarness();
const WAIT = 60_000;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: WAIT });

describe('reply templates admin', () => {
  it('adds a template for a category, changes it, retires and reinstates it, and the unit is offered only the active one', async () => {
    const { users, categories } = h.server.city;
    const handler = await h.apiFor(users.handlerCgj);
    const offered = async () =>
      (await handler('GET', `/api/v1/reply-templates?categoryId=${categories.manhole.id}`)).items.map((t: { title: string }) => t.title);

    const page = await h.openAs(users.admin, '/admin/templates');
    page.setDefaultTimeout(WAIT);
    const admin = page.getByTestId('templates-admin');
    const table = admin.getByTestId('templates-table');
    await page.getByRole('tab', { name: '答复模板', selected: true }).waitFor();

    // add: a category picked by typing, a blank for the handler
    await admin.getByTestId('templates-add').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '模板名称' });
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.getByText('请填写模板名称').waitFor();
    await modal.getByLabel('模板名称').fill('井盖已补装');
    await modal.locator('#categoryId').click();
    await page.keyboard.type('井盖缺失');
    await page.keyboard.press('Enter');
    await modal.getByLabel('模板内容').fill('您好！您反映的____井盖缺失问题，我单位已于____月____日补装新井盖。');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });
    const row = table.locator('tr[data-template-id]', { hasText: '井盖已补装' });
    await expect(row.textContent()).resolves.toContain('城市管理 / 市政设施 / 井盖缺失破损');
    await poll(offered).toContain('井盖已补装');

    // change its name
    await row.getByTestId('templates-edit').click();
    await expect(modal.getByLabel('模板名称').inputValue()).resolves.toBe('井盖已补装');
    await modal.getByLabel('模板名称').fill('井盖已补装（区管道路）');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    const changed = table.locator('tr[data-template-id]', { hasText: '井盖已补装（区管道路）' });
    await changed.waitFor();
    await poll(offered).toContain('井盖已补装（区管道路）');

    // retire, naming it in the confirmation: gone from the list and from the unit's picker
    await changed.getByTestId('templates-retire').click();
    const confirm = page.locator('.ant-popconfirm');
    await expect(confirm.textContent()).resolves.toContain('井盖已补装（区管道路）');
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await changed.waitFor({ state: 'detached' });
    await poll(offered).not.toContain('井盖已补装（区管道路）');

    // shown again with the retired ones, then reinstated
    await admin.getByRole('switch', { name: '显示已停用' }).click();
    await expect(changed.textContent()).resolves.toContain('停用');
    await changed.getByTestId('templates-restore').click();
    await poll(() => changed.textContent()).toContain('启用');
    await poll(offered).toContain('井盖已补装（区管道路）');

    // the keyword box narrows the list; English headings
    await admin.getByLabel('关键词').fill('区管道路');
    await admin.getByLabel('关键词').press('Enter');
    await poll(() => table.locator('tr[data-template-id]').count()).toBe(1);
    await page.evaluate(() => localStorage.setItem('lx_lang', 'en'));
    await page.reload();
    await page.getByRole('tab', { name: 'Reply templates', selected: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Template name' }).waitFor();
  });
});
