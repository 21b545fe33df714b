/** `lianxin serve`: starts the platform, as `npm start` does, with the settings from the environment (README). */
import { parseOptions, type CliCommand } from './io.ts';

const USAGE = `Usage:
  lianxin serve

Starts the web app and API on PORT (default 3000): embedded PGlite under DATA_DIR, or PostgreSQL when DATABASE_URL
is set. Every setting comes from the environment (see README). Stops on SIGINT or SIGTERM.`;

export const serveCommand: CliCommand = {
  summary: 'start the platform (web app, API and jobs)',
  usage: USAGE,
  async run(args, io) {
    const values = parseOptions(args, {}, USAGE);
    if (values.help) return (io.stdout.write(`${USAGE}\n`), 0);
    // Imported here, not above: the other commands need neither the app nor its modules.
    const { serve } = await import('../main.ts');
    await serve();
    return 0;
  },
};
