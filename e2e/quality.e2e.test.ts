/** 坐席绩效与质检: a supervisor draws a sample and scores it; the agent then sees the score in their own record only. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';
import { DEMO_QUALITY_FORM } from '../server/db/seed/quality.ts';

const h = useHarness({ seedTickets: true });

describe('quality workbench', () => {
  it('picks the one active scoring form for a sample by itself', async () => {
    const { users } = h.server.city;
    const admin = await h.apiFor(users.admin);
    const active = (await admin('GET', '/api/v1/quality/forms')).items;
    expect(active.map((f: { name: string }) => f.name)).toEqual([DEMO_QUALITY_FORM.name]);
    const page = await h.openAs(users.supervisor, '/quality');
    await page.getByRole('tab', { name: '质检' }).click();
    const picked = page.getByTestId('quality-sample-form').locator('.ant-select-content');
    await expect.poll(() => picked.textContent(), { timeout: 60_000 }).toBe(`${active[0].name} v${active[0].version}`);
  });

  it("samples an agent's order, scores it with a fatal item, and shows the agent only their record", async () => {
    const { users } = h.server.city;
    const admin = await h.apiFor(users.admin);
    const form = await admin('POST', '/api/v1/quality/forms', { ...DEMO_QUALITY_FORM, name: 'E2E 质检表' });

    // answer rate: the seeded calls (one of them abandoned) and the agent's row are on the page
    const page = await h.openAs(users.supervisor, '/quality?tab=calls');
    const calls = page.getByTestId('quality-calls');
    await calls.locator('tr[data-row-key]').first().waitFor();
    await expect(calls.getByText('GB/T 33358').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('tab', { name: '质检' }).click();
    const sampleForm = page.getByTestId('quality-sample-form');
    await sampleForm.getByRole('combobox').click();
    await page.locator('.ant-select-item-option', { hasText: `${form.name} v1` }).click();
    await sampleForm.getByLabel('每人工单数').fill('1');
    await sampleForm.getByLabel('每人通话数').fill('0');
    await sampleForm.getByLabel('随机种子').fill('12345');
    await sampleForm.getByRole('button', { name: /抽\s*取/ }).click();
    await page.getByText(/已为 1 名坐席抽取 1 条待评分记录（种子 12345）/).waitFor();

    const table = page.getByTestId('quality-inspections-table');
    await table
      .getByRole('button', { name: /评\s*分/ })
      .first()
      .click();
    const scoreForm = page.getByTestId('quality-score-form');
    await scoreForm.getByLabel('开头语与礼貌用语').fill('15');
    await scoreForm.getByLabel('倾听与诉求确认').fill('18');
    await scoreForm.getByLabel('答复准确、政策引用正确').fill('30');
    await scoreForm.getByLabel('工单记录完整规范').fill('25.5');
    await page.getByTestId('quality-running-score').getByText('当前得分：88.5').waitFor();
    await scoreForm.getByLabel('与市民争吵、态度恶劣').click();
    await page.getByTestId('quality-running-score').getByText('当前得分：0').waitFor();
    await scoreForm.getByLabel('评语').fill('答复时与市民发生争执');
    await page.getByTestId('quality-score-submit').click();
    await page.getByText('评分已保存：0 分').waitFor();
    await table.getByText('0 (致命项)').waitFor();

    // the agent: own record with the inspection, no answer-rate tab, nobody else's row
    const agentPage = await h.openAs(users.agent, '/quality');
    const record = agentPage.getByTestId('quality-my-record');
    await record.getByText('李晓红 的绩效与质检').waitFor();
    await expect(agentPage.getByRole('tab', { name: '接通率' }).count()).resolves.toBe(0);
    await expect(record.locator('tr', { hasText: '质检均分' }).locator('td').first().innerText()).resolves.toBe('0.00');
    const others = await agentPage.evaluate(async () => {
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const res = await fetch(`/api/v1/quality/agents?from=${today.slice(0, 8)}01&to=${today}`);
      return (await res.json()).items.length;
    });
    expect(others).toBe(1);
  });
});
