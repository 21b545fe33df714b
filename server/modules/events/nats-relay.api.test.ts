/** The relay's tests need NATS JetStream; test/servers/nats.global.ts finds or starts it, or says why not. */
import { describe, it } from 'vitest';

const skipReason = process.env.TEST_NATS_SKIP;
if (skipReason) {
  describe.skip(`NATS JetStream relay — skipped: ${skipReason}`, () => {
    it('relays committed events in order', () => {});
  });
} else {
  await import('./nats-relay.suite.ts');
}
