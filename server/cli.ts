/**
 * `lianxin` command line: a table of commands, each in server/cli/<name>.command.ts.
 * Add a command by writing a CliCommand and listing it in COMMANDS.
 * Output contract: results on stdout (JSON / JSON Lines), progress and messages on stderr;
 * exit code 0 ok, 1 the work failed (bad data, unreadable file), 2 the command line was wrong.
 */
import { pathToFileURL } from 'node:url';
import { backupCommand, restoreCommand } from './cli/backup.command.ts';
import { classifyCommand } from './cli/classify.command.ts';
import { hotspotsCommand } from './cli/hotspots.command.ts';
import { processIo, UsageError, type CliCommand, type CliIo } from './cli/io.ts';
import { serveCommand } from './cli/serve.command.ts';
import { loadConfig } from './config.ts';

export const COMMANDS: Record<string, CliCommand> = {
  serve: serveCommand,
  classify: classifyCommand,
  hotspots: hotspotsCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

function help(): string {
  const lines = ['Usage: lianxin <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(12)} ${command.summary}`);
  lines.push('', "Run `lianxin <command> --help` for a command's options.");
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`lianxin: unknown command '${name}'\n\n${help()}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`lianxin ${name}: ${error.message}\n\n${error.usage ?? command.usage}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`lianxin ${name}: ${message}\n`);
    if (loadConfig().LIANXIN_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
