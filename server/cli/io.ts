/** Shared plumbing of the CLI commands: streams, arguments, JSON Lines, progress bars. */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import cliProgress from 'cli-progress';

export interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Output;
  /** Messages and progress; never results. */
  stderr: Output & { isTTY?: boolean };
  /** Show progress bars (on stderr). */
  showProgress: boolean;
}

export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, showProgress: Boolean(process.stderr.isTTY) });

/** The command line is wrong: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses options strictly; unknown options and stray arguments are usage errors. */
export function parseOptions<T extends Options>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false })
      .values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0], usage);
  }
}

export function requireString(values: Record<string, unknown>, name: string, usage: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} is required`, usage);
  return v;
}

export function parseInteger(value: unknown, name: string, usage: string, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}`, usage);
  return n;
}

export function parseNumber(value: unknown, name: string, usage: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}`, usage);
  return n;
}

export interface JsonlRecord {
  /** 1-based line number, used as id when the record has none. */
  line: number;
  value: Record<string, unknown>;
}

/** Reads a JSON Lines file; blank lines are skipped, malformed ones counted and reported (first few) on stderr. */
export async function readJsonl(path: string, io: CliIo): Promise<JsonlRecord[]> {
  try {
    await access(path);
  } catch {
    throw new Error(`cannot read input file ${path}`);
  }
  const records: JsonlRecord[] = [];
  let bad = 0;
  let line = 0;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '').trim() : raw.trim();
    if (!text) continue;
    try {
      const value = JSON.parse(text);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
      records.push({ line, value });
    } catch {
      bad++;
      if (bad <= 5) io.stderr.write(`warning: ${path}:${line} is not a JSON object; skipped\n`);
    }
  }
  if (bad > 5) io.stderr.write(`warning: ${bad} malformed lines skipped in ${path}\n`);
  return records;
}

export const writeJsonLine = (io: CliIo, value: unknown) => io.stdout.write(`${JSON.stringify(value)}\n`);

/** Text of a field that may be missing or not a string. */
export const textField = (value: Record<string, unknown>, ...names: string[]): string => {
  for (const name of names) {
    const v = value[name];
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
  }
  return '';
};

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise. */
export function progress(io: CliIo, label: string, total: number): Progress {
  if (!io.showProgress) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: `${label.padEnd(10)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done, newTotal) => {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
