/**
 * The daily desks as their users live them (issue 13): each test is one finding of a day's work on the demo city,
 * written to fail on the screens as they were and pass once the finding is fixed.
 */
import { describe, expect, it } from 'vitest';
import { useHarness, type OpenOptions } from './support/harness.ts';

const h = useHarness({ seedTickets: true });
/** The machine these run on is shared and often loaded: waits are generous. */
const WAIT = 60_000;
const open = async (username: string, path: string, options?: OpenOptions) => {
  const page = await h.openAs(username, path, options);
  page.setDefaultTimeout(WAIT);
  return page;
};
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: WAIT });
/** A 48×32 PNG: a photo small enough for a test. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAANUlEQVR42u3OQREAAAQAMDllkkQSsZRwXrtbgEXWnJjOEyEkJCQkJCQkJCQkJCQkJCQk9Bla03Nul6ReiDsAAAAASUVORK5CYII=',
  'base64',
);

/** An order dispatched to 市城市管理局, replied to and accepted: it waits for a callback. */
async function pendingCallback(content: string) {
  const { users, units, categories } = h.server.city;
  const agent = await h.apiFor(users.agent);
  const handler = await h.apiFor(users.handlerCgj);
  const dispatcher = await h.apiFor(users.dispatcher);
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
  t = await dispatcher('POST', `/api/v1/tickets/${t.id}/review`, { version: t.version, decision: 'accept' });
  return t as { id: number; number: string; title: string };
}

describe('1 · the order acted on is the order picked', () => {
  it('selects a callback by clicking anywhere on its row, highlights it and names it in the confirmation', async () => {
    const first = await pendingCallback('和平路东段路灯不亮已有三天');
    const second = await pendingCallback('青年路西段路灯闪烁影响通行');
    const page = await open(h.server.city.users.callback, '/review');
    await page.getByRole('tab', { name: '回访' }).click();
    const queue = page.getByTestId('queue-callback');
    const decision = page.getByTestId('decision-callback');
    await queue.locator(`tr[data-number="${first.number}"]`).waitFor();
    // The pane opens on some order; the user clicks the title (not the blue number) of another one.
    const shown = await decision.locator('[data-number]').first().getAttribute('data-number');
    const other = shown === second.number ? first : second;
    const row = queue.locator(`tr[data-number="${other.number}"]`);
    await row.locator('td').nth(1).click();
    await poll(() => decision.locator('[data-number]').first().getAttribute('data-number')).toBe(other.number);
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
    const page = await open(users.supervisor, '/tickets');
    const row = page.getByTestId('tickets-table').locator(`tr[data-number="${tickets.waiting1.number}"]`);
    await row.locator('td').nth(1).click();
    await poll(() => page.getByTestId('ticket-detail').getAttribute('data-number')).toBe(tickets.waiting1.number);
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');

    const reviewer = await open(users.dispatcher, '/review');
    const reviewRow = reviewer.getByTestId('queue-review').locator(`tr[data-number="${tickets.review.number}"]`);
    await reviewRow.locator('td').nth(1).click();
    await poll(() => reviewer.getByTestId('review-accept').textContent()).toContain(tickets.review.number);
  });
});

describe('2 · one search box finds an order by number, phone, address or words', () => {
  it("finds an order in 工单查询 by its number and the citizen's phone, counts them all and jumps to a page", async () => {
    const { users, categories } = h.server.city;
    const agent = await h.apiFor(users.agent);
    const phone = '13812345678';
    const wanted = await agent('POST', '/api/v1/tickets', {
      channel: 'phone',
      type: 'complaint',
      content: '建设路77号楼下餐馆油烟直排',
      categoryId: categories.noise.id,
      address: '建设路77号',
      citizen: { phone },
    });
    for (let i = 0; i < 21; i++) {
      await agent('POST', '/api/v1/tickets', {
        channel: 'web',
        type: 'inquiry',
        content: `咨询第${i + 1}件：公积金提取需要哪些材料`,
        categoryId: categories.fundWithdraw.id,
      });
    }
    const page = await open(users.supervisor, '/tickets');
    const table = page.getByTestId('tickets-table');
    const search = page.getByRole('search').getByRole('searchbox');
    const total = page.getByTestId('list-total');
    await total.waitFor();
    const all = Number(await total.getAttribute('data-total'));
    expect(all).toBeGreaterThan(22);

    for (const q of [wanted.number, phone, '建设路77号']) {
      await search.fill(q);
      await search.press('Enter');
      await poll(() => total.getAttribute('data-total')).toBe('1');
      await table.locator(`tr[data-number="${wanted.number}"]`).waitFor();
    }

    await search.fill('');
    await search.press('Enter');
    await poll(() => total.getAttribute('data-total')).toBe(String(all));
    const jumper = page.getByTestId('pager').locator('.ant-pagination-options-quick-jumper input');
    await jumper.fill('2');
    await jumper.press('Enter');
    await poll(() => page.getByTestId('pager').locator('.ant-pagination-item-active').textContent()).toBe('2');
    await poll(() => table.locator('tr[data-row-key]').count()).toBe(Math.min(20, all - 20));
  });
});

describe('5 · a failed action says why', () => {
  it("shows the server's message when an order is merged into one that was marked invalid", async () => {
    const { users, categories } = h.server.city;
    const agent = await h.apiFor(users.agent);
    const create = (content: string) =>
      agent('POST', '/api/v1/tickets', {
        channel: 'phone',
        type: 'complaint',
        content,
        categoryId: categories.manhole.id,
        citizen: { phone: '13655556666' },
      });
    const voided = await create('幸福路井盖破损二');
    const third = await create('幸福路井盖破损三');
    // (an order merged into another would now stand for its final main order: that merge succeeds)
    await agent('POST', `/api/v1/tickets/${voided.id}/invalidate`, { version: voided.version, reason: '重复来电测试' });

    const page = await open(users.dispatcher, '/dispatch');
    await page.locator(`tr[data-number="${third.number}"] button`).first().click();
    await page.getByTestId('ticket-detail').locator('[data-action=merge]').click();
    const modal = page.locator('.ant-modal');
    await modal.locator('#mainNumber').fill(voided.number);
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.getByText('主工单已并单或已作废').waitFor();
    const detail = await agent('GET', `/api/v1/tickets/${third.id}`);
    expect(detail.status).toBe('pending_dispatch');
  });

  it('keeps a 督办 deadline picked as a day without a time, and says so when the notice is empty', async () => {
    const { users, tickets } = h.server.city;
    const page = await open(users.supervisor, '/supervision');
    const queue = page.getByTestId('queue-supervision-overdue');
    await queue.locator(`tr[data-number="${tickets.toSign.number}"] td`).nth(1).click();
    const decision = page.getByTestId('decision-supervision-overdue');
    await poll(() => decision.locator('[data-number]').first().getAttribute('data-number')).toBe(tickets.toSign.number);
    await decision.locator('[data-action=supervise]').click();
    await page.locator('.ant-message').getByText('请填写内容').waitFor();

    await decision.locator('#supervision-content').fill('请于明日前完成井盖补装并反馈');
    await decision.locator('#supervision-due').click();
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' });
    const dropdown = page.locator('.ant-picker-dropdown:visible');
    await dropdown.locator('.ant-picker-cell-today').waitFor();
    // the next month's panel only when tomorrow is in it (counting tomorrow's cell raced with the panel's rendering)
    const today = new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' });
    if (tomorrow.slice(0, 7) !== today.slice(0, 7)) await dropdown.locator('.ant-picker-header-next-btn').click();
    await dropdown.locator(`td[title="${tomorrow}"]`).click();
    await decision.locator('#supervision-content').click();
    // as the supervisor sees it: the day is in the field (the picker commits it when it closes, a beat after the click)
    await poll(() => decision.locator('#supervision-due').inputValue()).toContain(tomorrow);
    await decision.locator('[data-action=supervise]').click();
    await page.locator('.ant-message').getByText(tickets.toSign.number).waitFor();

    const api = await h.apiFor(users.supervisor);
    const detail = await api('GET', `/api/v1/tickets/${tickets.toSign.id}`);
    const due = detail.supervisions.at(-1).dueAt;
    expect(due).not.toBeNull();
    expect(new Date(due).toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' })).toBe(tomorrow);
  });
});

describe('3 · the dispatch desk suggests, classifies and questions an off-catalogue unit', () => {
  it("classifies a portal order, suggests the catalogue's unit with why, and asks a reason for another unit", async () => {
    const { users, units, categories, regions } = h.server.city;
    const portal = (await fetch(`${h.server.url}/api/v1/public/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'complaint',
        content: '小区楼下烧烤店每晚营业到凌晨，噪声扰民严重',
        phone: '13911112222',
        name: '赵先生',
      }),
    }).then((r) => r.json())) as { number: string };
    expect(portal.number).toBeTruthy();

    const page = await open(users.dispatcher, '/dispatch');
    const row = page.getByTestId('dispatch-queue').locator(`tr[data-number="${portal.number}"]`);
    await row.locator('td').nth(2).click();
    const panel = page.getByTestId('dispatch-panel');
    await panel.getByTestId('unclassified').waitFor();
    await panel.getByTestId('classify').click();
    const modal = page.locator('.ant-modal');
    await modal.locator('#categoryId').click();
    for (const name of ['生态环境', '噪声污染', '社会生活噪声'])
      await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
    await modal.locator('#regionId').click();
    await page.keyboard.type('临江');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '临江区' }).first().click();
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.waitFor({ state: 'hidden' });
    await panel.getByTestId('unclassified').waitFor({ state: 'detached' });

    const suggestion = panel.getByTestId('dispatch-suggestions').locator(`[data-unit-id="${units.sthj.id}"]`);
    await expect(suggestion.textContent()).resolves.toContain('派单目录');

    // another unit than the catalogue's: a warning, and no dispatch without a reason
    await panel.getByTestId('unit-search').locator('input').fill('城市管理局');
    await panel.locator('.ant-tree-title', { hasText: units.cgj.name }).click();
    await panel.getByTestId('off-catalogue').waitFor();
    await panel.getByTestId('dispatch-confirm').click();
    await panel.getByText('请填写派往该单位的原因').waitFor();
    // the catalogue's unit, picked from the suggestion, needs none
    await suggestion.getByTestId('use-unit').click();
    await panel.getByTestId('off-catalogue').waitFor({ state: 'detached' });
    await expect(panel.getByTestId('dispatch-confirm').textContent()).resolves.toContain(portal.number);
    await panel.getByTestId('dispatch-confirm').click();
    await row.waitFor({ state: 'detached' });

    const api = await h.apiFor(users.dispatcher);
    const detail = await api('GET', `/api/v1/tickets/by-number/${portal.number}`);
    expect(detail).toMatchObject({
      status: 'pending_sign',
      categoryId: categories.noise.id,
      regionId: regions.districts['临江区'],
      leadUnitId: units.sthj.id,
    });
  });
});

describe('4 · the dispatch catalogue has its own screen', () => {
  it('lists, adds, changes, retires, exports and imports rows, and shows the history of changes', async () => {
    const { users, units } = h.server.city;
    const page = await open(users.admin, '/admin/catalogue');
    const table = page.getByTestId('catalogue-table');
    await table.locator('tr[data-entry-id]', { hasText: units.sthj.name }).waitFor();

    // add: 路灯不亮 in 金湖区 goes to 中山区人民政府 (a made-up but valid row)
    await page.getByTestId('catalogue-add').click();
    const modal = page.locator('.ant-modal');
    await modal.locator('#categoryId').click();
    for (const name of ['城市管理', '市政设施', '路灯不亮'])
      await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
    await modal.locator('#unitId').click();
    await page.keyboard.type('市水务');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: units.water.name }).first().click();
    await modal.locator('#note').fill('试点');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    const added = table.locator('tr[data-entry-id]', { hasText: units.water.name });
    await added.waitFor();

    // change its note, then retire it
    await added.getByTestId('catalogue-edit').click();
    await modal.locator('#note').fill('试点结束前有效');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await table.locator('tr[data-entry-id]', { hasText: '试点结束前有效' }).waitFor();
    await added.getByTestId('catalogue-retire').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await added.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '变更记录' }).click();
    const history = page.getByTestId('catalogue-history');
    for (const action of ['新增', '修改', '停用']) await history.locator('tr', { hasText: action }).first().waitFor();

    // export, then import the exported sheet with one row more
    await page.getByTestId('catalogue-admin').getByRole('tab', { name: '派单目录' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await import('node:fs/promises').then((fs) => download.path().then((p) => fs.readFile(p)))) as never);
    expect(workbook.worksheets[0].rowCount).toBe(4);
    const sheet = new ExcelJS.Workbook();
    const ws = sheet.addWorksheet('派单目录');
    ws.addRow(['诉求分类', '所属区域', '主办单位', '备注']);
    ws.addRow(['城市管理 / 市政设施 / 井盖缺失破损', '中山区', units.zsGov.name, '区管道路']);
    const file = `/tmp/catalogue-import-${Date.now()}.xlsx`;
    await sheet.xlsx.writeFile(file);
    await page.locator('input[type=file]').setInputFiles(file);
    await poll(() => page.getByTestId('catalogue-import-result').textContent()).toContain('已导入 1 条');
    await table.locator('tr[data-entry-id]', { hasText: units.zsGov.name }).waitFor();
  });
});

describe('6 · pickers find by synonym and pinyin, and a rule for everything asks first', () => {
  it('finds 社会生活噪声 by 噪音 and by its pinyin initials, picks the first match on Enter, and confirms an SLA rule for every category', async () => {
    const { users, categories } = h.server.city;
    const page = await open(users.admin, '/admin/sla');
    await page.getByRole('button', { name: /新\s*建/ }).click();
    const modal = page.locator('.ant-modal');
    const cascader = modal.locator('#categoryId');
    await cascader.click();
    await page.keyboard.type('噪音');
    await page.locator('.ant-cascader-menu-item', { hasText: '社会生活噪声' }).first().waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('shshzs');
    await page.locator('.ant-cascader-menu-item', { hasText: '社会生活噪声' }).first().waitFor();
    await page.keyboard.press('Enter');
    await poll(() => modal.locator('.ant-cascader').first().textContent()).toContain('社会生活噪声');

    await modal.locator('#name').fill('噪声投诉时限');
    await modal.locator('#signWorkingHours').fill('2');
    await modal.locator('#handleAmount').fill('3');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'hidden' });
    const api = await h.apiFor(users.admin);
    const rules = async () => (await api('GET', '/api/v1/admin/sla-policies')).items as { name: string; categoryId: number | null }[];
    expect((await rules()).find((r) => r.name === '噪声投诉时限')?.categoryId).toBe(categories.noise.id);

    // a rule with no category: asked first; cancelled, nothing saved; confirmed, saved
    await page.getByRole('button', { name: /新\s*建/ }).click();
    await modal.locator('#name').fill('全部分类兜底时限');
    await modal.locator('#signWorkingHours').fill('4');
    await modal.locator('#handleAmount').fill('5');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm.getByText('所有诉求分类').textContent()).resolves.toBeTruthy();
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    expect((await rules()).some((r) => r.name === '全部分类兜底时限')).toBe(false);
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /适用于所有分类/ })
      .click();
    await poll(async () => (await rules()).find((r) => r.name === '全部分类兜底时限')?.categoryId).toBeNull();
  });
});

describe('7 · answers on the spot', () => {
  it("suggests knowledge about the complaint, keeps the dispatch suggestions in view, and answers with the item's category", async () => {
    const { users, categories } = h.server.city;
    const admin = await h.apiFor(users.admin);
    const smoke = await admin('POST', '/api/v1/knowledge', {
      title: '烧烤油烟扰民的处理',
      categoryId: categories.noise.id,
      keywords: ['烧烤', '油烟', '扰民'],
      content: '餐饮烧烤油烟扰民的，由属地综合行政执法部门依法查处；露天烧烤一律禁止。受理时请问清店名、地址和经营时段。',
    });
    const prepaid = await admin('POST', '/api/v1/knowledge', {
      title: '预付卡（办卡）退费纠纷',
      keywords: ['预付卡', '健身卡', '退费'],
      content:
        '经营者停业、搬迁或服务质量严重下降导致消费者无法继续消费的，消费者可要求退还预付卡余额。请保留办卡合同、付款凭证和消费记录，向经营者所在地市场监管部门投诉。',
    });
    const page = await open(users.agent, '/agent');
    await page.locator('#phone').fill('13700002222');
    await page.locator('#content').fill('小区楼下烧烤店每晚油烟很大，家里没法开窗，向商家投诉过多次都没有用');
    const panel = page.getByTestId('knowledge-panel');
    await panel.getByTestId('knowledge-item').filter({ hasText: smoke.title }).waitFor();
    await expect(panel.getByTestId('knowledge-item').filter({ hasText: prepaid.title }).count()).resolves.toBe(0);
    // the dispatch suggestions start within the first screen
    const box = await page.getByTestId('suggestions-panel').boundingBox();
    expect(box!.y).toBeLessThan(page.viewportSize()!.height - 60);

    // no category picked on the form: the item's category is used
    await panel.getByTestId('knowledge-item').filter({ hasText: smoke.title }).getByTestId('knowledge-answer').click();
    await page.getByTestId('direct-answer-confirm').click();
    const result = page.getByTestId('intake-result');
    await result.waitFor();
    const agent = await h.apiFor(users.agent);
    const detail = await agent('GET', `/api/v1/tickets/by-number/${await result.getAttribute('data-number')}`);
    expect(detail).toMatchObject({ status: 'closed', resolution: 'direct_answer', categoryId: categories.noise.id });
  });
});

describe('8 · unit handlers', () => {
  it("lets the handler of the unit holding an order reveal the citizen's number, audited, and call it", async () => {
    const { users, tickets } = h.server.city;
    const page = await open(users.handlerCgj, '/unit');
    await page.getByTestId('unit-list-toSign').locator(`[data-number="${tickets.toSign.number}"]`).click();
    const phone = page.getByTestId('detail-phone');
    await expect(phone.textContent()).resolves.toContain('*');
    await page.getByTestId('reveal-phone').click();
    await poll(() => phone.textContent()).toMatch(/^1\d{10}$/);
    const number = (await phone.textContent())!;
    await expect(page.getByTestId('call-citizen').getAttribute('href')).resolves.toBe(`tel:${number}`);

    const { auditLog } = await import('../server/db/schema.ts');
    const { eq } = await import('drizzle-orm');
    const rows = await h.server.database.db.select().from(auditLog).where(eq(auditLog.action, 'read_unmasked_phone'));
    expect(rows.some((r) => String(r.subjectId) === String(tickets.toSign.id))).toBe(true);
  });
});

describe('8 · unit handlers (the worklist, replies and photos)', () => {
  it('lists the most urgent orders first: overdue, then by the nearest deadline', async () => {
    const { users, units, categories } = h.server.city;
    const agent = await h.apiFor(users.agent);
    const made: { id: number; number: string }[] = [];
    for (const content of ['幸福路北段路灯整排不亮', '幸福路南段路灯白天常亮', '幸福路中段路灯灯杆倾斜']) {
      made.push(
        await agent('POST', '/api/v1/tickets', {
          channel: 'phone',
          type: 'complaint',
          content,
          categoryId: categories.streetLight.id,
          citizen: { phone: '13800138000' },
          dispatch: { leadUnitId: units.cgj.id },
        }),
      );
    }
    const [overdue, farAway, soon] = made;
    const { tickets } = await import('../server/db/schema.ts');
    const { eq } = await import('drizzle-orm');
    const set = (id: number, values: Partial<typeof tickets.$inferInsert>) =>
      h.server.database.db.update(tickets).set(values).where(eq(tickets.id, id));
    const hours = (n: number) => new Date(Date.now() + n * 3_600_000);
    // the oldest order is overdue: newest first listed it last
    await set(overdue.id, { signDueAt: hours(-5), slaState: 'overdue' });
    await set(farAway.id, { signDueAt: hours(30), slaState: 'normal' });
    await set(soon.id, { signDueAt: hours(2), slaState: 'at_risk' });

    const page = await open(users.handlerCgj, '/unit');
    const list = page.getByTestId('unit-list-toSign');
    await list.locator(`[data-number="${soon.number}"]`).waitFor();
    const cards = async () =>
      list.getByTestId('unit-ticket').evaluateAll((els) =>
        els.map((el) => ({
          number: el.getAttribute('data-number'),
          isOverdue: el.getAttribute('data-sla-state') === 'overdue',
          due: el.getAttribute('data-due') || null,
        })),
      );
    const shown = await cards();
    const mine = shown.filter((c) => made.some((m) => m.number === c.number)).map((c) => c.number);
    expect(mine).toEqual([overdue.number, soon.number, farAway.number]);
    // every overdue order before the others, each group by its deadline
    const firstOnTime = shown.findIndex((c) => !c.isOverdue);
    expect(shown.slice(firstOnTime).every((c) => !c.isOverdue)).toBe(true);
    for (const group of [shown.slice(0, firstOnTime), shown.slice(firstOnTime)]) {
      const dues = group
        .map((c) => c.due)
        .filter((d): d is string => d !== null)
        .map((d) => Date.parse(d));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
    }

    // the handler may still ask for the newest first
    await page.getByTestId('unit-sort').getByText('按受理时间').click();
    await poll(async () => (await cards()).filter((c) => made.some((m) => m.number === c.number)).map((c) => c.number)).toEqual([
      soon.number,
      farAway.number,
      overdue.number,
    ]);
  });
  it('shows photos as thumbnails in the order detail and in the review pane, opening full size', async () => {
    const { users, units, categories } = h.server.city;
    const { signIn: apiSignIn, uid } = await import('../test/factories/orgs.ts');
    const upload = async (username: string, filename: string) => {
      const session = await apiSignIn(h.server.app, username, h.server.city.password);
      const boundary = `----lianxin${uid()}`;
      const res = await h.server.app.inject({
        method: 'POST',
        url: '/api/v1/attachments',
        headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
          ),
          PHOTO,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const agent = await h.apiFor(users.agent);
    const handler = await h.apiFor(users.handlerCgj);
    const photo = await upload(users.agent, '井盖现场.png');
    let order = await agent('POST', '/api/v1/tickets', {
      channel: 'phone',
      type: 'complaint',
      content: '建设路井盖缺失，附现场照片',
      categoryId: categories.manhole.id,
      citizen: { phone: '13800138000' },
      attachmentIds: [photo],
      dispatch: { leadUnitId: units.cgj.id },
    });
    /** Whether every thumbnail in `scope` was loaded from the server and drawn (a broken image has no natural width). */
    const drawn = (scope: import('playwright-core').Locator) =>
      scope
        .locator('[data-testid=attachment-thumb] img')
        .evaluateAll(
          (imgs) =>
            imgs.length > 0 && imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
        );

    const page = await open(users.handlerCgj, '/unit');
    await page.getByTestId('unit-list-toSign').locator(`[data-number="${order.number}"]`).click();
    const own = page.getByTestId('ticket-detail').getByTestId('ticket-attachments');
    await poll(() => drawn(own)).toBe(true);
    await expect(own.locator('img').getAttribute('alt')).resolves.toBe('井盖现场.png');
    await own.locator('img').click();
    await page.locator('.ant-image-preview img').waitFor();
    await page.keyboard.press('Escape');

    order = await handler('POST', `/api/v1/tickets/${order.id}/sign`, { version: order.version });
    const fixed = await upload(users.handlerCgj, '修复后.png');
    await handler('POST', `/api/v1/tickets/${order.id}/reply`, {
      version: order.version,
      content: '已补装井盖并设置警示标志。',
      attachmentIds: [fixed],
    });
    const reviewer = await open(users.dispatcher, '/review');
    await reviewer.getByTestId('queue-review').locator(`tr[data-number="${order.number}"] td`).nth(1).click();
    const pane = reviewer.getByTestId('decision-review');
    await poll(() => pane.locator('[data-number]').first().getAttribute('data-number')).toBe(order.number);
    await poll(() => drawn(pane.getByTestId('review-reply-attachments'))).toBe(true);
    await expect(pane.getByTestId('review-reply-attachments').locator('img').getAttribute('alt')).resolves.toBe('修复后.png');
    // the citizen's photo is there too, with the order's record
    await poll(() => drawn(pane.getByTestId('ticket-attachments'))).toBe(true);
  });
  it("fills the reply from a template of the order's category, asking before it replaces what was written", async () => {
    const { users, units, categories } = h.server.city;
    const admin = await h.apiFor(users.admin);
    const lights = await admin('POST', '/api/v1/reply-templates', {
      title: '路灯已修复',
      categoryId: categories.streetLight.id,
      content: '您好！您反映的____路段路灯不亮问题，已更换故障灯具，现已恢复正常照明。',
    });
    await admin('POST', '/api/v1/reply-templates', { title: '问题已解决', content: '您好！您反映的问题已处理完毕：____。' });
    await admin('POST', '/api/v1/reply-templates', { title: '噪声已劝导', categoryId: categories.noise.id, content: '已现场劝导。' });
    const agent = await h.apiFor(users.agent);
    const handler = await h.apiFor(users.handlerCgj);
    let order = await agent('POST', '/api/v1/tickets', {
      channel: 'phone',
      type: 'complaint',
      content: '光明路东段路灯一排都不亮',
      categoryId: categories.streetLight.id,
      citizen: { phone: '13800138000' },
      dispatch: { leadUnitId: units.cgj.id },
    });
    order = await handler('POST', `/api/v1/tickets/${order.id}/sign`, { version: order.version });

    const page = await open(users.handlerCgj, '/unit');
    await page.getByRole('tab', { name: /办理中/ }).click();
    await page.locator(`[data-testid=unit-ticket][data-number="${order.number}"] [data-action=reply]`).click();
    const modal = page.locator('.ant-modal').filter({ hasText: order.number });
    const content = modal.getByLabel('办理结果');
    await content.fill('先写了几句');
    await modal.locator('#reply-template').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // the street-light template is offered first, the noise one not at all
    await poll(() => options.allTextContents()).toEqual(expect.arrayContaining(['路灯已修复', '问题已解决']));
    await expect(options.first().textContent()).resolves.toBe('路灯已修复');
    await expect(options.filter({ hasText: '噪声已劝导' }).count()).resolves.toBe(0);
    await options.filter({ hasText: '路灯已修复' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await poll(() => content.inputValue()).toBe(lights.content);
    await content.fill(lights.content.replace('____', '光明路东段'));
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await modal.waitFor({ state: 'detached' });

    const detail = await handler('GET', `/api/v1/tickets/${order.id}`);
    expect(detail.status).toBe('pending_review');
    expect(detail.replies.at(-1).content).toBe('您好！您反映的光明路东段路段路灯不亮问题，已更换故障灯具，现已恢复正常照明。');
  });
});

describe('9 · layout', () => {
  /** What a user would see wrong in a table: its last column out of view, a tag over the next cell, a word broken over two lines. */
  async function layoutProblems(page: import('playwright-core').Page, testId: string) {
    return page.getByTestId(testId).evaluate((root) => {
      const problems: string[] = [];
      const container = root.querySelector('.ant-table-container')!.getBoundingClientRect();
      const headers = [...root.querySelectorAll('thead th')];
      const last = headers.at(-1)!.getBoundingClientRect();
      if (last.right > container.right + 1 || last.left < container.left)
        problems.push(`last column out of view: ${headers.at(-1)!.textContent}`);
      for (const th of headers) {
        const range = document.createRange();
        range.selectNodeContents(th);
        if (range.getBoundingClientRect().right > th.getBoundingClientRect().right + 1) problems.push(`header cut: ${th.textContent}`);
      }
      for (const cell of root.querySelectorAll('tbody td')) {
        const box = cell.getBoundingClientRect();
        for (const tag of cell.querySelectorAll('.ant-tag')) {
          if (tag.getBoundingClientRect().right > box.right + 1) problems.push(`tag over the next cell: ${tag.textContent}`);
        }
        // a text whose boxes stand at more than one height runs over more than one line
        const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = texts.nextNode(); node; node = texts.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          if (new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1)
            problems.push(`wraps: ${node.textContent}`);
        }
      }
      return problems;
    });
  }

  for (const [width, height] of [
    [1440, 900],
    [1366, 768],
  ]) {
    for (const language of ['zh', 'en'] as const) {
      it(`shows 工单查询 whole at ${width} px in ${language === 'zh' ? 'Chinese' : 'English'}`, async () => {
        const page = await open(h.server.city.users.supervisor, '/tickets', { language, viewport: { width, height } });
        const table = page.getByTestId('tickets-table');
        await table.locator('tbody tr[data-number]').first().waitFor();
        await expect(table.locator('tbody tr[data-number]').count()).resolves.toBeGreaterThan(4);
        await expect(layoutProblems(page, 'tickets-table')).resolves.toEqual([]);
      });
    }
  }

  /** An urgent 求助, the longest type with a tag before its title: once for the four screens below. */
  let urgentHelp: Promise<{ number: string; title: string }> | undefined;
  for (const [width, height] of [
    [1440, 900],
    [1366, 768],
  ]) {
    for (const language of ['zh', 'en'] as const) {
      it(`shows an urgent order's title and type in the dispatch queue at ${width} px in ${language === 'zh' ? 'Chinese' : 'English'}`, async () => {
        const { users, categories } = h.server.city;
        urgentHelp ??= h.apiFor(users.agent).then((agent) =>
          agent('POST', '/api/v1/tickets', {
            channel: 'phone',
            type: 'help',
            urgency: 'urgent',
            title: '独居老人家中停水三天无人处理请求帮助',
            content: '幸福里小区5栋独居老人家中停水三天，物业无人处理，请求帮助尽快恢复供水。',
            categoryId: categories.streetLight.id,
            citizen: { phone: '13811112222' },
          }),
        );
        const order = await urgentHelp;
        const page = await open(users.dispatcher, '/dispatch', { language, viewport: { width, height } });
        const row = page.getByTestId('dispatch-queue').locator(`tr[data-number="${order.number}"]`);
        await row.waitFor();
        const shown = await row.evaluate((tr) => {
          const cells = [...tr.querySelectorAll('td')];
          const titleCell = cells.find((td) => td.textContent?.includes('独居老人'))!;
          const typeCell = cells.find((td) => /^(求助|Request for help)$/.test(td.textContent ?? ''))!;
          // how much of the title's own text is in view: from its start to the cell's edge or the text's end
          const walker = document.createTreeWalker(titleCell, NodeFilter.SHOW_TEXT);
          let text: Node | null = null;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.includes('独居老人')) text = node;
          const range = document.createRange();
          range.selectNodeContents(text!);
          const cell = titleCell.getBoundingClientRect();
          const padding = parseFloat(getComputedStyle(titleCell).paddingRight);
          const rects = [...range.getClientRects()];
          const visible = rects.reduce((sum, r) => sum + Math.max(0, Math.min(r.right, cell.right - padding) - r.left), 0);
          return { titleVisible: Math.round(visible), typeCut: typeCell.scrollWidth > typeCell.clientWidth + 1 };
        });
        // at least eight characters of the title beside the 紧急 tag, and the whole type
        expect(shown).toEqual({ titleVisible: expect.toSatisfy((px: number) => px >= 8 * 14), typeCut: false });
      });
    }
  }

  /** Elements that scroll sideways (their content wider than their box), and whether the page itself does. */
  const sidewaysScroll = (page: import('playwright-core').Page, testId: string) =>
    page.evaluate((id) => {
      const root = document.querySelector(`[data-testid="${id}"]`)!;
      const scrolling = [root, ...root.querySelectorAll('*')]
        .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
      const { scrollWidth, clientWidth } = document.documentElement;
      return { scrolling, page: scrollWidth > clientWidth ? `${scrollWidth} > ${clientWidth}` : null };
    }, testId);

  for (const [width, height] of [
    [1440, 900],
    [1366, 768],
  ]) {
    for (const language of ['zh', 'en'] as const) {
      const shouldFit = language === 'zh' || width >= 1440;
      it(`shows the dispatch queue whole${shouldFit ? ', without scrolling sideways,' : ''} at ${width} px in ${language === 'zh' ? 'Chinese' : 'English'}`, async () => {
        const page = await open(h.server.city.users.dispatcher, '/dispatch', { language, viewport: { width, height } });
        const table = page.getByTestId('dispatch-queue');
        await table.locator('tbody tr[data-number]').first().waitFor();
        // the panel beside it opens on the first order, with its suggestions
        await page.getByTestId('dispatch-suggestions').locator('[data-unit-id]').first().waitFor();
        await expect(layoutProblems(page, 'dispatch-queue')).resolves.toEqual([]);
        if (shouldFit) await expect(sidewaysScroll(page, 'dispatch-page')).resolves.toEqual({ scrolling: [], page: null });
      });
    }
  }

  for (const width of [1440, 1366]) {
    it(`shows every English menu label whole at ${width} px`, async () => {
      const { users } = h.server.city;
      // between them the administrator and a unit handler see every workbench
      for (const username of [users.admin, users.handlerCgj]) {
        const page = await open(username, '/', { language: 'en', viewport: { width, height: 768 } });
        const labels = page.locator('aside .ant-menu-title-content');
        await labels.first().waitFor();
        const cut = await labels.evaluateAll((nodes) =>
          nodes.filter((node) => node.scrollWidth > node.clientWidth).map((node) => node.textContent),
        );
        expect(await labels.count(), username).toBeGreaterThan(1);
        expect(cut, username).toEqual([]);
        await page.close();
      }
    });
  }

  it('centres the page-loading spinner in the content area, beside the menu', async () => {
    const page = await open(h.server.city.users.supervisor, '/tickets');
    // hold the dashboard's code until the spinner shown meanwhile has been measured
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const isAsked = new Promise<void>((resolve) => (asked = resolve));
    await page.route(/\/assets\/DashboardPage-[^/]*\.js$/, async (route) => {
      asked();
      await held;
      await route.continue();
    });
    await page.goto('/dashboard');
    await isAsked;
    const spinner = page.locator('.ant-spin-spinning .ant-spin-dot').first();
    await spinner.waitFor({ state: 'attached' });
    const spin = await spinner.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const main = await page.locator('#main').boundingBox();
    const isMenuVisible = await page.locator('aside').isVisible();
    release();
    expect(main).not.toBeNull();
    expect(isMenuVisible).toBe(true);
    expect(Math.abs(spin.x + spin.width / 2 - (main!.x + main!.width / 2))).toBeLessThan(8);
    expect(Math.abs(spin.y + spin.height / 2 - (main!.y + main!.height / 2))).toBeLessThan(8);
    await page.getByTestId('dashboard-page').waitFor();
  });
});
