/**
 * Where the server's log lines go. The terminal shows LOG_LEVEL and up (default info), so the start banner and
 * warnings stay readable; each request is logged at debug, seen with LOG_LEVEL=debug. LOG_FILE, when set, receives
 * every line from LOG_FILE_LEVEL up (default debug: the requests too) whatever the terminal shows.
 */
import { createWriteStream } from 'node:fs';
import { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;
export type LogLevel = keyof typeof LEVELS;

export interface LineSink {
  write(line: string): unknown;
}

/** Pino's numeric level of one JSON log line (30 = info when it cannot be read). */
export function levelOfLine(line: string): number {
  const match = /"level":(\d+)/.exec(line);
  return match ? Number(match[1]) : LEVELS.info;
}

/** Fastify's logger options for this configuration; `terminal` is where the terminal's lines go (stdout). */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL' | 'LOG_FILE' | 'LOG_FILE_LEVEL'>, terminal: LineSink = process.stdout) {
  const shown = LEVELS[config.LOG_LEVEL];
  const file = config.LOG_FILE ? createWriteStream(config.LOG_FILE, { flags: 'a' }) : null;
  const kept = file ? Math.min(shown, LEVELS[config.LOG_FILE_LEVEL]) : shown;
  const level = kept === Infinity ? 'silent' : (Object.keys(LEVELS) as LogLevel[]).find((name) => LEVELS[name] === kept)!;
  return {
    level,
    stream: {
      write(line: string) {
        file?.write(line);
        if (levelOfLine(line) >= shown) terminal.write(line);
      },
    },
  };
}

/** Fastify's own two info lines per request are off; logRequestsAtDebug writes one at debug instead. */
export const quietRequests = () => new LogController({ disableRequestLogging: true });

/** One debug line per answered request (instead of Fastify's two info lines). */
export function logRequestsAtDebug(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    (request.log as FastifyBaseLogger).debug(
      { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
}
