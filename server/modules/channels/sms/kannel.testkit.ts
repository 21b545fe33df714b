/**
 * Runs a real Kannel (bearerbox + smsbox) with the fake SMSC from kannel-extras on free ports, as child processes,
 * for tests and the benchmark. `fakesmsc` plays the citizens' phones: it sends incoming SMS and prints what it receives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from '../../../lib/ports.ts';
import { kannelConfig } from './sms.kannel.ts';
import { rawQueryBytes } from './sms.decode.ts';

export const BEARERBOX = '/usr/sbin/bearerbox';
export const SMSBOX = '/usr/sbin/smsbox';
export const FAKESMSC = '/usr/lib/kannel/test/fakesmsc';
/** Why Kannel tests cannot run here, or null when they can. */
export const kannelMissing = [BEARERBOX, SMSBOX, FAKESMSC].find((p) => !existsSync(p))
  ? 'Kannel is not installed (Debian packages kannel and kannel-extras)'
  : null;

/** A received SMS as fakesmsc printed it: `Got message N: <from to type text>`, text decoded. */
export interface ReceivedSms {
  from: string;
  to: string;
  text: string;
  /** When fakesmsc printed it (ms since the epoch). */ at: number;
}

/** Parts of concatenated messages seen so far, by recipient and reference. */
const pendingParts = new Map<string, Buffer[]>();

function parseFakesmscLine(line: string): ReceivedSms | null {
  const m = /Got message \d+: <(\S+) (\S+) (\S+) (.*)>\s*$/.exec(line);
  if (!m) return null;
  const [, from, to, type, rest] = m;
  const bytesOf = (s: string) => rawQueryBytes(`?t=${s}`).get('t')!;
  if (type === 'udh') {
    // `udh <header> data <bytes>`: one part of a long message; the whole is returned with its last part
    const [udhText, , dataText] = rest.split(' ');
    const udh = bytesOf(udhText);
    const ref = udh[3];
    const total = udh[4];
    const seq = udh[5];
    const key = `${to}/${ref}`;
    const parts = pendingParts.get(key) ?? [];
    parts[seq - 1] = bytesOf(dataText ?? '');
    pendingParts.set(key, parts);
    if (parts.filter(Boolean).length < total) return null;
    pendingParts.delete(key);
    const all = Buffer.concat(parts);
    // our sender uses UCS-2 for anything but plain ASCII
    const text = /^[\x20-\x7e\n]*$/.test(all.toString('latin1')) ? all.toString('latin1') : Buffer.from(all).swap16().toString('utf16le');
    return { from, to, text, at: Date.now() };
  }
  const bytes = bytesOf(rest);
  const text = type === 'ucs-2' ? Buffer.from(bytes).swap16().toString('utf16le') : bytes.toString('utf8');
  return { from, to, text, at: Date.now() };
}

/** `fakesmsc` argument for a UCS-2 message: the UTF-16BE bytes, percent-encoded. */
export function ucs2Arg(text: string): string {
  return [...Buffer.from(text, 'utf16le').swap16()].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
}

export interface KannelRig {
  sendsmsUrl: string;
  username: string;
  password: string;
  dir: string;
  /** Every SMS the fake SMSC received from Kannel (what citizens' phones got). */
  received: ReceivedSms[];
  /** Raw `Got message` lines of fakesmsc, for diagnostics. */
  lines: string[];
  /** Sends messages as citizens (fakesmsc lines `from to type text`); resolves when fakesmsc has sent them all. */
  sendFromPhones(messages: string[]): Promise<void>;
  waitFor<T>(
    check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    what?: string,
    timeoutMs?: number,
  ): Promise<T>;
  stop(): Promise<void>;
}

export async function startKannel(o: { lianxinBaseUrl: string; secret: string }): Promise<KannelRig> {
  const [adminPort, smsboxPort, sendsmsPort, smscPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const dir = mkdtempSync(path.join(tmpdir(), 'lianxin-kannel-'));
  const username = 'lianxin';
  const password = `pw${Date.now()}`;
  mkdirSync(path.join(dir, 'store'));
  const conf = path.join(dir, 'kannel.conf');
  writeFileSync(
    conf,
    kannelConfig({
      adminPort,
      smsboxPort,
      sendsmsPort,
      dir,
      lianxinBaseUrl: o.lianxinBaseUrl,
      secret: o.secret,
      username,
      password,
      smsc: { kind: 'fake', port: smscPort },
    }),
  );
  const children: ChildProcess[] = [];
  const start = (bin: string, args: string[]) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.resume();
    child.stderr!.resume();
    children.push(child);
    return child;
  };
  start(BEARERBOX, ['-v', '4', conf]);
  await waitForPort('127.0.0.1', smsboxPort);
  await waitForPort('127.0.0.1', smscPort);
  start(SMSBOX, ['-v', '4', conf]);
  await waitForPort('127.0.0.1', sendsmsPort);

  const received: ReceivedSms[] = [];
  const lines: string[] = [];
  // The citizens' phones: one fakesmsc in interactive mode, fed messages on its standard input, printing what it gets.
  const phone = spawn(FAKESMSC, ['-H', '127.0.0.1', '-r', String(smscPort), '-i', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(phone);
  let sent = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  let buffer = '';
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.includes('Got ')) lines.push(line);
      const sms = parseFakesmscLine(line);
      if (sms) received.push(sms);
      if (/fakesmsc: sent message \d+/.test(line)) {
        sent++;
        for (const w of waiters.filter((w) => sent >= w.count)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    }
  };
  phone.stdout!.on('data', onData);
  phone.stderr!.on('data', onData);
  // fakesmsc reads its input with fgets() after select() on the descriptor: lines taken in one read wait in stdio's
  // buffer, and what it wrote may wait in its connection's buffer, until something comes in again. Blank lines,
  // which it skips, keep it going, so the last lines of a burst are not held back.
  const nudge = setInterval(() => phone.stdin!.write('\n'), 20);

  return {
    sendsmsUrl: `http://127.0.0.1:${sendsmsPort}/cgi-bin/sendsms`,
    username,
    password,
    dir,
    received,
    lines,

    sendFromPhones(messages) {
      const target = sent + messages.length;
      const done = new Promise<void>((resolve) => waiters.push({ count: target, resolve }));
      phone.stdin!.write(messages.map((m) => `${m}\n`).join(''));
      return done;
    },

    async waitFor(check, what = 'condition', timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const value = await check();
        if (value) return value as never;
        if (Date.now() > until) throw new Error(`${what} not met within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },

    async stop() {
      clearInterval(nudge);
      phone.stdin!.end();
      for (const child of children.reverse()) {
        if (child.exitCode !== null) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        });
      }
      if (!process.env.KEEP_KANNEL_DIR) rmSync(dir, { recursive: true, force: true });
    },
  };
}
