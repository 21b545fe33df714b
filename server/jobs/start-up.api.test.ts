/**
 * What a fresh start runs first. The leader's first view of 督办 › 预警 must not wait for the first model training
 * (minutes on the demo city) or anything else slow: surge alerts are detected in the loop's first round.
 */
import { describe, expect, it } from 'vitest';
import { setupApp, testClock } from '../../test/app.ts';
import { jobDefinitions } from './index.ts';
import { runDueJobs, scheduleRecurring } from './runner.ts';

const clock = testClock('2026-12-07T03:30:00Z');
const { app } = await setupApp({ clock, isolated: true });

describe('jobs on a fresh start', () => {
  it('detects surge alerts in the first round, with the model training beside the loop', async () => {
    await scheduleRecurring(app.services, jobDefinitions);
    const detached: string[] = [];
    const outcomes = await runDueJobs(app.services, jobDefinitions, { detach: (name) => detached.push(name) });
    // first in the round: before the month's assessment and the first rollups of a large city
    expect(outcomes[0]).toMatchObject({ name: 'detect-surge-alerts', status: 'done' });
    // the training runs on a worker thread and does not hold up the loop (nor the SLA sweeps and notices)
    expect(detached).toContain('train-dispatch-model');
    expect(outcomes.map((o) => o.name)).not.toContain('train-dispatch-model');
  });
});
