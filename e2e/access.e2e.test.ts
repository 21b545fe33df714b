/** What a unit may see: only its own orders, and never a full phone number or a whistleblower's identity. */
import { describe, expect, it } from 'vitest';
import { useHarness } from './support/harness.ts';

const h = useHarness();

describe('unit access', () => {
  it('shows a unit only its own orders, in lists and by direct address', async () => {
    const { users, units, categories } = h.server.city;
    const agent = await h.apiFor(users.agent);
    const mine = await agent('POST', '/api/v1/tickets', {
      channel: 'phone', type: 'complaint', content: '噪声扰民：楼下酒吧夜间音响声音太大', categoryId: categories.noise.id,
      citizen: { phone: '13500001111' }, dispatch: { leadUnitId: units.sthj.id },
    });
    const theirs = await agent('POST', '/api/v1/tickets', {
      channel: 'phone', type: 'complaint', content: '建设路路灯不亮已经三天', categoryId: categories.streetLight.id,
      citizen: { phone: '13500002222' }, dispatch: { leadUnitId: units.cgj.id },
    });

    const page = await h.openAs(users.handlerSthj, '/unit');
    await page.locator(`[data-testid=unit-ticket][data-number="${mine.number}"]`).waitFor();
    await expect(page.locator(`[data-number="${theirs.number}"]`).count()).resolves.toBe(0);

    // Typing another unit's order into the address bar of the API gets nothing.
    const status = await page.evaluate(async (id) => (await fetch(`/api/v1/tickets/${id}`)).status, theirs.id);
    expect([403, 404]).toContain(status);
    const listed = await page.evaluate(async () => (await (await fetch('/api/v1/tickets?limit=200')).json()).items.map((x: { id: number }) => x.id));
    expect(listed).toContain(mine.id);
    expect(listed).not.toContain(theirs.id);

    // The center-only search page is closed to a unit user.
    await page.goto('/tickets');
    await page.getByText('您没有访问此页面的权限').waitFor();
  });

  it('keeps a phone masked for a unit and hides a confidential caller entirely', async () => {
    const { users, units, categories } = h.server.city;
    const agent = await h.apiFor(users.agent);
    const open = await agent('POST', '/api/v1/tickets', {
      channel: 'phone', type: 'help', content: '解放路井盖破损，请尽快修复', categoryId: categories.manhole.id,
      citizen: { phone: '13712345678', name: '王先生' }, dispatch: { leadUnitId: units.cgj.id },
    });
    const secret = await agent('POST', '/api/v1/tickets', {
      channel: 'phone', type: 'report', content: '举报某工地夜间违规施工', categoryId: categories.manhole.id, isConfidential: true,
      citizen: { phone: '13787654321', name: '匿名' }, dispatch: { leadUnitId: units.cgj.id },
    });

    const page = await h.openAs(users.handlerCgj, '/unit');
    await page.locator(`[data-testid=unit-ticket][data-number="${open.number}"]`).click();
    const drawer = page.getByTestId('ticket-detail');
    await expect.poll(() => drawer.getAttribute('data-number')).toBe(open.number);
    const shown = await drawer.getByTestId('detail-phone').textContent();
    expect(shown).toBe('137****5678');
    await expect(drawer.getByText('查看完整号码').count()).resolves.toBe(0);
    await expect(page.content()).resolves.not.toContain('13712345678');
    await page.keyboard.press('Escape');

    await page.locator(`[data-testid=unit-ticket][data-number="${secret.number}"]`).click();
    await expect.poll(() => drawer.getAttribute('data-number')).toBe(secret.number);
    await expect(drawer.getByTestId('detail-phone').textContent()).resolves.toBe('保密（不向承办单位公开）');
    const html = await page.content();
    expect(html).not.toContain('13787654321');
    expect(html).not.toContain('7654321');
    expect(html).not.toContain('匿名');

    // The center sees the number masked too, until an audited reveal.
    const center = await h.openAs(users.dispatcher, '/tickets');
    await center.locator(`tr[data-number="${open.number}"] button`).first().click();
    const centerDrawer = center.getByTestId('ticket-detail');
    await expect.poll(() => centerDrawer.getAttribute('data-number')).toBe(open.number);
    await expect(centerDrawer.getByTestId('detail-phone').textContent()).resolves.toBe('137****5678');
    await centerDrawer.getByText('查看完整号码').click();
    await expect.poll(() => centerDrawer.getByTestId('detail-phone').textContent()).toBe('13712345678');
  });
});
