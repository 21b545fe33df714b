/**
 * 书面诉求: an SMS and a mailbox letter wait in one queue with their channel standards; the agent claims the letter,
 * answers it, turns the SMS into an order, and sees the citizen's contacts from every channel together.
 */
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../server/lib/actor.ts';
import { useHarness } from './support/harness.ts';

const h = useHarness({ seedTickets: false });

describe('written contacts workbench', () => {
  it('claims, answers and turns contacts into an order, with each channel\'s clock and the citizen\'s history', async () => {
    const { contacts } = h.server.app.services;
    const phone = `139${String(Date.now()).slice(-8)}`;
    const now = Date.now();
    // what the SMS and mailbox adapters hand over; the same citizen (by the phone written in the letter)
    const sms = await contacts.receive({ channel: 'sms', sourceId: `e2e-sms-${now}`, address: phone, phone, content: '小区门口路灯不亮', receivedAt: new Date(now - 150_000) });
    const letter = await contacts.receive({
      channel: 'mailbox', sourceId: `e2e-mail-${now}@citizen.test`, address: 'wang@citizen.test', senderName: '王女士', phone,
      subject: '关于噪音扰民', content: '楼下商铺每晚音响到凌晨，电话 ' + phone, receivedAt: new Date(now - 3_600_000),
    });

    const page = await h.openAs(h.server.city.users.agent, '/contacts');
    const smsRow = page.locator(`[data-testid="contact-row"][data-id="${sms.contactId}"]`);
    const letterRow = page.locator(`[data-testid="contact-row"][data-id="${letter.contactId}"]`);
    await letterRow.waitFor();
    // SMS: 2 of 3 minutes gone, at risk; the letter: 1 of 24 hours
    // (under load the page may open after the SMS's 3 minutes are up)
    await smsRow.getByText(/临近超时|已超时/).waitFor();
    await smsRow.getByText(/已等 \d 分 \/ 时限 3 分/).waitFor();
    await letterRow.getByText(/已等 1 小时 \/ 时限 1 天/).waitFor();
    await page.getByTestId('contact-counts').getByText(/市长信箱 待处理/).waitFor();

    await letterRow.getByTestId('contact-claim').click();
    await letterRow.getByText('我已领取').waitFor();
    await letterRow.getByTestId('contact-open').click();
    await page.getByTestId('contact-content').getByText(/楼下商铺每晚音响/).waitFor();
    await page.getByTestId('contact-reply-form').locator('textarea').fill('您好，已转城管部门核查。');
    await page.getByTestId('contact-send').click();
    await page.getByText('答复已排队发送').waitFor();
    await page.getByTestId('contact-message').getByText('您好，已转城管部门核查。').waitFor();
    // the citizen's contacts from both channels, together
    const history = page.getByTestId('contact-history');
    await history.getByText('小区门口路灯不亮').waitFor();
    await expect(history.getByTestId('history-item').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');

    await smsRow.getByTestId('contact-open').click();
    await page.getByTestId('contact-create-ticket').click();
    await page.getByText(/已生成工单 \d{8}-\d+，已通知来信人/).waitFor();
    const [row] = (await contacts.list(SYSTEM_ACTOR, { status: 'answered', limit: 50 })).items.filter((i) => i.id === sms.contactId);
    expect(row).toMatchObject({ status: 'converted' });
    expect(row.ticketId).not.toBeNull();
  });
});
