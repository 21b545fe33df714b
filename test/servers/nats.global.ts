/**
 * Vitest global setup for the event relay's tests: NATS JetStream at TEST_NATS_URL when it answers,
 * otherwise a `nats-server` started for this run when one is installed (Debian package nats-server,
 * which .ci/run installs). With neither, TEST_NATS_SKIP says why and those tests are skipped.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findProgram, freePort, isListening, waitForPort } from '../../server/lib/ports.ts';

const DEFAULT_URL = 'nats://127.0.0.1:4222';

export default async function setup(): Promise<() => Promise<void>> {
  const configured = process.env.TEST_NATS_URL ?? DEFAULT_URL;
  const { hostname, port } = new URL(configured);
  if (await isListening(hostname, Number(port) || 4222)) {
    process.env.TEST_NATS_URL = configured;
    return async () => {};
  }
  const program = findProgram('nats-server');
  if (!program) {
    process.env.TEST_NATS_SKIP = `no NATS at ${configured} and no nats-server installed (apt-get install nats-server)`;
    return async () => {};
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lianxin-test-nats-'));
  const free = await freePort();
  const child = spawn(program, ['-a', '127.0.0.1', '-p', String(free), '-js', '-sd', dir], { stdio: 'ignore' });
  await waitForPort('127.0.0.1', free);
  process.env.TEST_NATS_URL = `nats://127.0.0.1:${free}`;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dir, { recursive: true, force: true });
  };
}
