/**
 * The project's own files (migrations, the built web app, telephony templates) seen from the running code, which is
 * either the source (server/…, run by tsx) or the compiled server (dist/server/…, run by node).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const isCompiled = import.meta.url.endsWith('.js');
/** The folder holding package.json: compiled code sits one level deeper, under dist/. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), isCompiled ? '../../..' : '../..');

/** A path inside the project, e.g. `projectPath('server/db/migrations')`. */
export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
