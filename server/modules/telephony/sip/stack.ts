/**
 * The SIP side for development and tests: renders deploy/telephony/kamailio.cfg.tmpl and starts Kamailio and
 * rtpengine (user space, no kernel module) as child processes on the ports given, and stops them.
 * Production runs the same template under systemd (deploy/telephony/README.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../../lib/paths.ts';
import { freePort, isListening } from '../../../lib/ports.ts';

const TEMPLATE = projectPath('deploy/telephony/kamailio.cfg.tmpl');

export const KAMAILIO_BIN = process.env.KAMAILIO_BIN ?? '/usr/sbin/kamailio';
export const RTPENGINE_BIN = process.env.RTPENGINE_BIN ?? '/usr/bin/rtpengine';
export const KAMAILIO_MODULES = process.env.KAMAILIO_MODULES ?? '/usr/lib/x86_64-linux-gnu/kamailio/modules';

/** Why the stack cannot run here, or null when Kamailio (with the modules the config loads) and rtpengine are installed. */
export function missingTelephony(): string | null {
  if (!fs.existsSync(KAMAILIO_BIN)) return `kamailio not installed (${KAMAILIO_BIN})`;
  if (!fs.existsSync(RTPENGINE_BIN)) return `rtpengine not installed (${RTPENGINE_BIN})`;
  for (const mod of ['websocket', 'auth_ephemeral', 'http_client', 'jansson', 'rtpengine', 'async']) {
    if (!fs.existsSync(path.join(KAMAILIO_MODULES, `${mod}.so`))) return `kamailio module ${mod} not installed`;
  }
  return null;
}

export interface StackSettings {
  listenIp: string;
  sipPort: number;
  wsPort: number;
  sipDomain: string;
  secret: string;
  /** Lianxin's base URL for Kamailio, e.g. http://127.0.0.1:3000 (the secret is added as basic auth). */
  lianxinUrl: string;
  fallbackUri: string;
  hotline: string;
  rtpengineNgPort: number;
  rtpPortMin: number;
  rtpPortMax: number;
  /** Where the rendered config, the control socket and the logs go. */
  runDir: string;
  /** rtpengine writes call recordings here (pcap); null: no recording. */
  recordingDir: string | null;
  /** rtpengine reports the DTMF keys it sees to this UDP address (Lianxin's TELEPHONY_DTMF_LISTEN); null: not reported. */
  dtmfLogDest?: string | null;
  ringSeconds: number;
  queuePollMs: number;
  /** Kamailio gives up on Lianxin's routing answer after this many seconds (http_client counts whole seconds). */
  routeTimeoutSeconds: number;
  queueMaxSeconds: number;
  children: number;
  logLevel: number;
}

export function renderKamailioConfig(s: StackSettings): string {
  const url = new URL(s.lianxinUrl);
  url.username = 'kamailio';
  url.password = encodeURIComponent(s.secret);
  const values: Record<string, string> = {
    LOG_LEVEL: String(s.logLevel),
    LOG_PREFIX: '{$mt $hdr(CSeq) $ci} ',
    CHILDREN: String(s.children),
    SIP_DOMAIN: s.sipDomain,
    LISTEN_IP: s.listenIp,
    SIP_PORT: String(s.sipPort),
    WS_PORT: String(s.wsPort),
    MODULE_PATH: KAMAILIO_MODULES,
    RUN_DIR: s.runDir,
    QUEUE_MAX_MS: String(s.queueMaxSeconds * 1000),
    QUEUE_MAX_S: String(s.queueMaxSeconds),
    RTPENGINE_NG: `udp:127.0.0.1:${s.rtpengineNgPort}`,
    SECRET: s.secret,
    LIANXIN_URL: `${url.origin.replace('//', `//${url.username}:${url.password}@`)}/api/v1/telephony/sip`,
    ROUTE_TIMEOUT_S: String(s.routeTimeoutSeconds),
    HOTLINE: s.hotline,
    QUEUE_POLL_MS: String(s.queuePollMs),
    QUEUE_MAX_FAILS: String(Math.max(2, Math.ceil(3000 / s.queuePollMs))),
    FALLBACK_URI: s.fallbackUri,
    RING_MS: String(s.ringSeconds * 1000),
    // The agent's BYE is held at most 10 polls of 2 s while the caller rates: under tm's 32 s limit for a non-INVITE
    // transaction, and under its 12 branches (each suspension adds a blind one).
    RATING_POLL_MS: '2000',
    RATING_MAX_POLLS: '10',
    RECORD_FLAG: s.recordingDir ? '$var(flags) = $var(flags) + " record-call=yes";' : '',
  };
  const text = fs.readFileSync(TEMPLATE, 'utf8').replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`kamailio template: no value for ${name}`);
    return values[name]!;
  });
  return text;
}

/** The first port of the kernel's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range; else the IANA 49152). */
function ephemeralPortStart(): number {
  try {
    const first = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > 1024 ? first : 49_152;
  } catch {
    return 49_152;
  }
}

/**
 * A random range of `size` media ports for rtpengine, below the kernel's ephemeral range, where `freePort()` takes the
 * SIP and WebSocket ports (and the SIPp phones' and callers'). rtpengine binds a media port even while another socket
 * holds it (both set SO_REUSEADDR) and from then on receives that port's datagrams: a SIP port inside its range made
 * Kamailio deaf in the middle of a benchmark, at whichever call rtpengine happened to pick that port for.
 */
export function rtpPortRange(size: number): { rtpPortMin: number; rtpPortMax: number } {
  const low = 10_000;
  const room = ephemeralPortStart() - low - size;
  if (room < 0) throw new Error(`no room for ${size} media ports below the ephemeral port range`);
  const min = low + Math.floor(Math.random() * (room + 1));
  return { rtpPortMin: min, rtpPortMax: min + size - 1 };
}

export interface RunningStack {
  settings: StackSettings;
  kamailio: ChildProcess;
  rtpengine: ChildProcess;
  /** Everything both wrote on stderr/stdout so far (for a failing test's message). */
  logs(): string;
  stop(): Promise<void>;
}

/** Settings with free ports, for tests and development. */
export async function defaultStackSettings(
  overrides: Partial<StackSettings> & Pick<StackSettings, 'lianxinUrl' | 'secret' | 'runDir'>,
): Promise<StackSettings> {
  return {
    listenIp: '127.0.0.1',
    sipPort: await freePort(),
    wsPort: await freePort(),
    sipDomain: 'lianxin.local',
    fallbackUri: 'sip:fallback@127.0.0.1:5099',
    hotline: '12345',
    rtpengineNgPort: await freePort(),
    ...rtpPortRange(100),
    recordingDir: null,
    ringSeconds: 15,
    queuePollMs: 500,
    routeTimeoutSeconds: 1,
    queueMaxSeconds: 600,
    children: 4,
    logLevel: 1,
    ...overrides,
  };
}

function collect(child: ChildProcess, sink: string[], name: string) {
  const push = (b: Buffer) => {
    sink.push(`[${name}] ${b.toString()}`);
    if (sink.length > 40000) sink.splice(0, 10000);
  };
  child.stdout?.on('data', push);
  child.stderr?.on('data', push);
}

async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string, logs: () => string) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start in ${ms} ms:\n${logs().slice(-3000)}`);
}

/** rtpengine's control protocol (bencode over UDP) answers a ping with pong. */
async function ngPing(port: number): Promise<boolean> {
  const dgram = await import('node:dgram');
  return new Promise<boolean>((resolve) => {
    const sock = dgram.createSocket('udp4');
    const timer = setTimeout(() => {
      sock.close();
      resolve(false);
    }, 300);
    sock.on('message', (msg) => {
      clearTimeout(timer);
      sock.close();
      resolve(msg.toString().includes('pong'));
    });
    sock.send(Buffer.from('lx1 d7:command4:pinge'), port, '127.0.0.1');
  });
}

/** Starts rtpengine and Kamailio; resolves when Kamailio accepts TCP on its SIP and WebSocket ports. */
export async function startStack(settings: StackSettings): Promise<RunningStack> {
  for (const port of [settings.sipPort, settings.wsPort, settings.rtpengineNgPort]) {
    if (port >= settings.rtpPortMin && port <= settings.rtpPortMax)
      throw new Error(
        `port ${port} lies in rtpengine's media range ${settings.rtpPortMin}-${settings.rtpPortMax}: rtpengine would take its traffic`,
      );
  }
  fs.mkdirSync(settings.runDir, { recursive: true });
  if (settings.recordingDir) fs.mkdirSync(settings.recordingDir, { recursive: true });
  const cfgPath = path.join(settings.runDir, 'kamailio.cfg');
  fs.writeFileSync(cfgPath, renderKamailioConfig(settings), { mode: 0o600 });
  const check = spawnSync(KAMAILIO_BIN, ['-c', '-f', cfgPath], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`kamailio config check failed:\n${check.stderr}`);

  const sink: string[] = [];
  const logs = () => sink.join('');
  const rtpArgs = [
    '--config-file=none',
    '--foreground',
    '--log-stderr',
    '--table=-1',
    `--interface=${settings.listenIp}`,
    `--listen-ng=127.0.0.1:${settings.rtpengineNgPort}`,
    `--port-min=${settings.rtpPortMin}`,
    `--port-max=${settings.rtpPortMax}`,
    `--pidfile=${path.join(settings.runDir, 'rtpengine.pid')}`,
    '--log-level=5',
    '--delete-delay=0',
    // Its CLI port too is chosen at run time: the default (2224) is taken by any other rtpengine on the machine.
    `--listen-cli=127.0.0.1:${await freePort()}`,
    ...(settings.dtmfLogDest ? [`--dtmf-log-dest=${settings.dtmfLogDest}`] : []),
    ...(settings.recordingDir ? [`--recording-dir=${settings.recordingDir}`, '--recording-method=pcap', '--recording-format=raw'] : []),
  ];
  const rtpengine = spawn(RTPENGINE_BIN, rtpArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  collect(rtpengine, sink, 'rtpengine');
  try {
    await waitFor(
      async () => {
        if (rtpengine.exitCode !== null) throw new Error(`rtpengine exited (${rtpengine.exitCode}):\n${logs().slice(-3000)}`);
        return ngPing(settings.rtpengineNgPort);
      },
      15_000,
      'rtpengine',
      logs,
    );
  } catch (err) {
    rtpengine.kill('SIGKILL');
    throw err;
  }
  const kamailio = spawn(
    KAMAILIO_BIN,
    [
      '-DD',
      '-E',
      '-f',
      cfgPath,
      '-Y',
      settings.runDir,
      '-P',
      path.join(settings.runDir, 'kamailio.pid'),
      '-m',
      '128',
      '-M',
      '16',
      '-w',
      settings.runDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  collect(kamailio, sink, 'kamailio');

  const stop = async () => {
    for (const child of [kamailio, rtpengine]) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }
  };
  try {
    await waitFor(
      async () => {
        if (kamailio.exitCode !== null) throw new Error(`kamailio exited (${kamailio.exitCode}):\n${logs().slice(-3000)}`);
        if (rtpengine.exitCode !== null) throw new Error(`rtpengine exited (${rtpengine.exitCode}):\n${logs().slice(-3000)}`);
        return (await isListening('127.0.0.1', settings.sipPort)) && (await isListening('127.0.0.1', settings.wsPort));
      },
      15_000,
      'kamailio',
      logs,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { settings, kamailio, rtpengine, logs, stop };
}
