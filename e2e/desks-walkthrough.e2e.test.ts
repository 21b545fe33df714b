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
  it('picks only the clicked order on a plain click, adds with Ctrl or the checkbox, and shows the clicked order\'s suggestions', async () => {
    const { users, tickets: { waiting1, waiting2 } } = h.server.city;
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
    await first.locator('td').nth(2).click({ modifiers: ['Control'] });
    await poll(() => panel.getByTestId('dispatch-confirm').textContent()).toContain('2');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await second.locator('input[type=checkbox]').click();
    await poll(() => second.getAttribute('aria-selected')).toBe('false');
    await poll(() => panel.getByTestId('dispatch-confirm').textContent()).toContain(waiting1.number);
  });
});
