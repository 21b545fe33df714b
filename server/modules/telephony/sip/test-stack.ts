/**
 * The switch for tests (the SIP API tests and the browser phone journey alike): free ports chosen first, the Lianxin
 * environment that points at them, then Kamailio + rtpengine started once Lianxin's own address is known.
 */
import fs from 'node:fs';
import path from 'node:path';
import { missingPromptTools } from './prompts.ts';
import { SIPP_BIN } from './sipp.ts';
import { defaultStackSettings, missingTelephony, startStack, type RunningStack, type StackSettings } from './stack.ts';
import { freePort } from '../../../lib/ports.ts';

/** Why the SIP tests cannot run here (Kamailio, rtpengine, SIPp, espeak-ng and sox are all needed), or null. */
export function missingSipTestTools(): string | null {
  return missingTelephony() ?? (fs.existsSync(SIPP_BIN) ? null : 'sipp (sip-tester) not installed') ?? missingPromptTools();
}

export interface SipTestStack {
  settings: StackSettings;
  /** Lianxin's environment for this switch (merge into loadConfig's input or the test server's env). */
  env: Record<string, string>;
  /** Starts Kamailio and rtpengine asking Lianxin at `lianxinUrl`. */
  start(lianxinUrl: string): Promise<RunningStack>;
  running(): RunningStack | null;
  /** Stops both and keeps their logs in runDir/stack.log. */
  stop(): Promise<void>;
}

export async function prepareSipTestStack(opts: {
  secret: string;
  runDir: string;
  /** Lianxin's DATA_DIR: rtpengine records into its recordings/ folder. */
  dataDir: string;
  overrides?: Partial<StackSettings>;
}): Promise<SipTestStack> {
  const dtmfPort = await freePort();
  const settings = await defaultStackSettings({
    lianxinUrl: 'http://127.0.0.1:1',
    secret: opts.secret,
    runDir: path.join(opts.runDir, 'sip'),
    recordingDir: path.join(opts.dataDir, 'recordings'),
    dtmfLogDest: `127.0.0.1:${dtmfPort}`,
    logLevel: Number(process.env.KAMAILIO_LOG_LEVEL ?? 1),
    ...opts.overrides,
  });
  const env = {
    TELEPHONY_SECRET: opts.secret,
    TELEPHONY_WS_URL: `ws://127.0.0.1:${settings.wsPort}`,
    TELEPHONY_SIP_DOMAIN: settings.sipDomain,
    TELEPHONY_SIP_PORT: String(settings.sipPort),
    TELEPHONY_RTPENGINE_NG: `127.0.0.1:${settings.rtpengineNgPort}`,
    TELEPHONY_DTMF_LISTEN: `127.0.0.1:${dtmfPort}`,
  };
  let stack: RunningStack | null = null;
  return {
    settings,
    env,
    async start(lianxinUrl) {
      settings.lianxinUrl = lianxinUrl;
      stack = await startStack(settings);
      return stack;
    },
    running: () => stack,
    async stop() {
      if (!stack) return;
      await stack.stop();
      fs.writeFileSync(path.join(opts.runDir, 'stack.log'), stack.logs());
      stack = null;
    },
  };
}

/** `promise`, or an error naming `what` after `ms` (a step that hangs says which it was, not only the test's timeout). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `fn` until it gives something truthy, or throws after `ms` naming `what`. */
export async function until<T>(fn: () => Promise<T | null | undefined | false>, ms = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
