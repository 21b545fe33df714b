/**
 * SIPp (Debian sip-tester) as callers, agents' phones and the outside switch, for the SIP tests and the benchmark.
 * Scenarios live in deploy/telephony/sipp/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../../lib/paths.ts';

export const SIPP_BIN = process.env.SIPP_BIN ?? '/usr/bin/sipp';
export const SCENARIOS = projectPath('deploy/telephony/sipp');

export interface SippRun {
  child: ChildProcess;
  /** Resolves with the exit code (0: every call succeeded). */
  done: Promise<number>;
  output(): string;
  stop(): Promise<void>;
}

export function runSipp(args: string[], cwd: string): SippRun {
  fs.mkdirSync(cwd, { recursive: true });
  const child = spawn(SIPP_BIN, [...args, '-nostdin'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: string[] = [];
  child.stdout!.on('data', (b: Buffer) => {
    out.push(b.toString());
    if (out.length > 200) out.splice(0, 100);
  });
  child.stderr!.on('data', (b: Buffer) => out.push(b.toString()));
  const done = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return {
    child,
    done,
    output: () => out.join(''),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGUSR1'); // SIPp: stop gracefully
        await Promise.race([done, new Promise((r) => setTimeout(r, 2000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await done;
      }
    },
  };
}

export interface AgentLogin {
  extension: string;
  username: string;
  password: string;
  contactPort: number;
}

/**
 * REGISTERs every agent (auth_ephemeral digest) at the proxy, `parallel` SIPp processes at a time (one per agent:
 * SIPp takes digest credentials per process); resolves when all got 200, rejects otherwise.
 */
export async function registerAgents(
  proxy: { ip: string; port: number; domain: string },
  agents: AgentLogin[],
  cwd: string,
  parallel = 8,
): Promise<void> {
  const { freePort } = await import('../../../lib/ports.ts');
  const queue = [...agents];
  const worker = async () => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      let run: SippRun;
      let code: number;
      // A port found free can be taken before SIPp binds it (other workers, other tests): exit 254 before sending, so try again.
      for (let attempt = 0; ; attempt++) {
        run = runSipp(
          [
            `${proxy.ip}:${proxy.port}`,
            '-sf',
            path.join(SCENARIOS, 'register.xml'),
            '-m',
            '1',
            '-i',
            '127.0.0.1',
            '-p',
            String(await freePort()),
            '-key',
            'ext',
            a.extension,
            '-key',
            'contactport',
            String(a.contactPort),
            '-key',
            'domain',
            proxy.domain,
            '-au',
            a.username,
            '-ap',
            a.password,
            '-timeout',
            '10s',
            '-timeout_error',
          ],
          cwd,
        );
        code = await run.done;
        if (code !== 254 || attempt >= 3) break;
      }
      if (code !== 0) throw new Error(`registration of ${a.extension} failed (sipp exit ${code}):\n${run.output().slice(-1500)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, agents.length) }, worker));
}

/** Whether some process has bound UDP `port` (Linux: /proc/net/udp and udp6; elsewhere assumed after a short wait). */
function udpPortBound(port: number): boolean {
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  // each line: "  sl: local_address rem_address ..." with the address as hex IP:PORT
  return ['/proc/net/udp', '/proc/net/udp6'].some(
    (file) =>
      fs.existsSync(file) &&
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => line.trim().split(/\s+/)[1]?.endsWith(suffix) ?? false),
  );
}

/**
 * A phone that answers every call after ringMs and waits for the BYE (agents, or the outside switch); with hangUpAfterMs
 * it answers at once, talks that long and hangs up first; with isBusy it refuses every call (486). Resolves once SIPp listens on `port` (a call sent earlier
 * would meet a closed port, and the proxy would answer 408 after its timer).
 */
export async function answeringPhone(
  port: number,
  cwd: string,
  opts: {
    ringMs?: number;
    hangUpAfterMs?: number;
    /** Do not disturb: every INVITE gets 486 (agent-uas-busy.xml); one process may stand for several agents. */
    isBusy?: boolean;
    calls?: number;
    traceFile?: string;
    /**
     * How long a call stays after its BYE was answered, to answer a retransmitted BYE with the same 200 (SIPp does it
     * while the call exists). The scenarios keep 500 ms so a test phone with `calls` exits soon; a phone under load
     * needs Kamailio's fr_timer (5 s): a BYE whose 200 reached the proxy late is retransmitted for that long, and one
     * finding no call was left unanswered, so the proxy failed the caller's BYE with 408 (the benchmark's false failures).
     */
    lingerMs?: number;
  } = {},
): Promise<SippRun> {
  let scenario = path.join(
    SCENARIOS,
    opts.isBusy ? 'agent-uas-busy.xml' : opts.hangUpAfterMs !== undefined ? 'agent-uas-hangup.xml' : 'agent-uas.xml',
  );
  if (opts.lingerMs !== undefined) {
    // SIPp takes no variable in <timewait>: a copy of the scenario with the longer wait
    fs.mkdirSync(cwd, { recursive: true });
    const copy = path.join(cwd, `linger-${path.basename(scenario)}`);
    fs.writeFileSync(
      copy,
      fs.readFileSync(scenario, 'utf8').replace(/<timewait milliseconds="\d+"\/>/, `<timewait milliseconds="${opts.lingerMs}"/>`),
    );
    scenario = copy;
  }
  if (opts.hangUpAfterMs !== undefined) {
    // SIPp reads the pcap named in the scenario when it loads it, relative to its working directory.
    fs.mkdirSync(cwd, { recursive: true });
    fs.copyFileSync(path.join(SIPP_PCAP_DIR, 'g711a.pcap'), path.join(cwd, 'agent-speech.pcap'));
  }
  const run = runSipp(
    [
      '-sf',
      scenario,
      '-i',
      '127.0.0.1',
      '-p',
      String(port),
      '-d',
      String(opts.hangUpAfterMs ?? opts.ringMs ?? 200),
      '-trace_err',
      '-l',
      '100000',
      ...(opts.calls ? ['-m', String(opts.calls)] : []),
      ...(opts.traceFile ? ['-trace_msg', '-message_file', opts.traceFile] : []),
    ],
    cwd,
  );
  const linux = fs.existsSync('/proc/net/udp');
  for (const started = Date.now(); !(linux ? udpPortBound(port) : Date.now() - started > 500);) {
    if (run.child.exitCode !== null || run.child.signalCode !== null)
      throw new Error(`sipp on port ${port} exited before listening:\n${run.output().slice(-1500)}`);
    if (Date.now() - started > 15_000) {
      await run.stop();
      throw new Error(`sipp did not listen on UDP port ${port} within 15 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return run;
}

/** A citizen calling `service` through the proxy; talks talkMs then hangs up (or, with abandonAfterMs, gives up waiting). */
export function citizenCall(
  proxy: { ip: string; port: number },
  opts: { caller: string; localPort: number; service?: string; talkMs?: number; abandonAfterMs?: number; timeoutS?: number },
  cwd: string,
): SippRun {
  const scenario = opts.abandonAfterMs !== undefined ? 'caller-abandon.xml' : 'caller.xml';
  const inf = path.join(cwd, `caller-${opts.caller}-${opts.localPort}.csv`);
  fs.mkdirSync(cwd, { recursive: true });
  fs.writeFileSync(inf, `SEQUENTIAL\n${opts.caller};\n`);
  return runSipp(
    [
      `${proxy.ip}:${proxy.port}`,
      '-sf',
      path.join(SCENARIOS, scenario),
      '-s',
      opts.service ?? '12345',
      '-i',
      '127.0.0.1',
      '-p',
      String(opts.localPort),
      '-m',
      '1',
      '-inf',
      inf,
      '-d',
      String(opts.abandonAfterMs ?? opts.talkMs ?? 500),
      '-timeout',
      `${opts.timeoutS ?? 30}s`,
      '-timeout_error',
      '-recv_timeout',
      '30000',
    ],
    cwd,
  );
}

/**
 * An agent's phone dialling `number` through the proxy (digest auth with the agent's credentials). A refusal (403)
 * also ends the scenario cleanly; `refused()` tells which happened (SIPp's log file says REFUSED).
 */
export function agentDial(
  proxy: { ip: string; port: number; domain: string },
  agent: AgentLogin,
  number: string,
  opts: { localPort: number; talkMs?: number },
  cwd: string,
) {
  const logFile = path.join(cwd, `dial-${agent.extension}-${Date.now()}.log`);
  const run = runSipp(
    [
      `${proxy.ip}:${proxy.port}`,
      '-sf',
      path.join(SCENARIOS, 'agent-dial.xml'),
      '-s',
      number,
      '-i',
      '127.0.0.1',
      '-p',
      String(opts.localPort),
      '-m',
      '1',
      '-key',
      'ext',
      agent.extension,
      '-key',
      'domain',
      proxy.domain,
      '-au',
      agent.username,
      '-ap',
      agent.password,
      '-d',
      String(opts.talkMs ?? 300),
      '-trace_logs',
      '-log_file',
      logFile,
      '-timeout',
      '20s',
      '-timeout_error',
    ],
    cwd,
  );
  return { ...run, refused: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '').match(/REFUSED.*/)?.[0] ?? null };
}

/** SIPp's RFC 4733 recordings, one key each (dtmf_2833_0.pcap … dtmf_2833_9.pcap). */
export const SIPP_PCAP_DIR = process.env.SIPP_PCAP_DIR ?? '/usr/share/sip-tester';

/**
 * A citizen who calls `service`, offers media on `mediaPort` (the test listens there to what the caller hears), and
 * pressesMs after the answer sends `digit` as an RFC 4733 event (一次一评), then waits for the switch's BYE.
 */
export function citizenRates(
  proxy: { ip: string; port: number },
  opts: {
    caller: string;
    localPort: number;
    mediaPort: number;
    digit: string;
    pressAfterMs: number;
    service?: string;
    timeoutS?: number;
    traceFile?: string;
  },
  cwd: string,
): SippRun {
  // SIPp takes the pcap's name literally: each call gets a working directory holding its key as rating-key.pcap.
  const dir = path.join(cwd, `rate-${opts.caller}-${opts.localPort}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(SIPP_PCAP_DIR, `dtmf_2833_${opts.digit}.pcap`), path.join(dir, 'rating-key.pcap'));
  const inf = path.join(dir, 'caller.csv');
  fs.writeFileSync(inf, `SEQUENTIAL\n${opts.caller};\n`);
  return runSipp(
    [
      `${proxy.ip}:${proxy.port}`,
      '-sf',
      path.join(SCENARIOS, 'caller-rate.xml'),
      '-s',
      opts.service ?? '12345',
      '-i',
      '127.0.0.1',
      '-p',
      String(opts.localPort),
      '-m',
      '1',
      '-inf',
      inf,
      '-key',
      'mport',
      String(opts.mediaPort),
      '-d',
      String(opts.pressAfterMs),
      '-timeout',
      `${opts.timeoutS ?? 60}s`,
      '-timeout_error',
      '-recv_timeout',
      '45000',
      ...(opts.traceFile ? ['-trace_msg', '-message_file', opts.traceFile] : []),
    ],
    dir,
  );
}
