/**
 * Saves a screenshot of every workbench under docs/screenshots/ (the shots are listed in e2e/support/screenshots.ts).
 *
 *   tsx scripts/screenshots.ts [name-filter …]
 *       against an in-process server with the small e2e city (e2e/support/seed.ts)
 *   tsx scripts/screenshots.ts --url http://localhost:3000 [name-filter …]
 *       against a running server with the demo city (the one `npm start` seeds), signing in with the demo logins
 *       (server/db/seed/people.ts); the docs' screenshots are taken this way, so the screens show a real city's data.
 *       Let the analytics rollups catch up after the first start (a few minutes) before shooting dashboard/analytics.
 *
 * Options: --out DIR (default docs/screenshots), --password P (default the demo password).
 * Needs Chromium (see e2e/support/browser.ts: CHROMIUM_PATH, Debian's, or @sparticuz/chromium). A filter keeps the shots whose file name contains it.
 * Note: the assessment shot computes a new version of the assessed month's draft assessment on the target server.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/support/browser.ts';
import { takeScreenshots, type ShotTarget, type ShotUser } from '../e2e/support/screenshots.ts';
import { describeDemoCity } from '../server/db/seed/index.ts';
import { DEMO_PASSWORD } from '../server/db/seed/people.ts';

/** Who signs in on the demo city for each of the shots' roles (the e2e city's user keys). */
const DEMO_USERS: Partial<Record<ShotUser, string>> = {
  agent: 'agent',
  dispatcher: 'dispatcher',
  supervisor: 'supervisor',
  callback: 'callback_agent',
  leader: 'leader',
  admin: 'admin',
  handlerCgj: 'handler_cgj',
  unitAdminZs: 'unit_admin',
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals: only } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, out: { type: 'string' }, password: { type: 'string' } },
});
const outDir = path.resolve(values.out ?? path.join(root, 'docs/screenshots'));
const filter = only.length ? only : undefined;

async function demoTarget(url: string): Promise<ShotTarget> {
  // the demo logins are the same for every seed: fail here, not in a browser, if they were renamed
  const logins = describeDemoCity(0).logins;
  const known = new Set(logins.map((l) => l.username));
  for (const name of Object.values(DEMO_USERS)) if (!known.has(name)) throw new Error(`screenshots: ${name} is not a demo login any more`);
  const base = url.replace(/\/$/, '');
  const password = values.password ?? DEMO_PASSWORD;
  const handler = await busiestHandler(
    base,
    password,
    logins.filter((l) => l.role === 'handler'),
  );
  return { url: base, password, users: { ...DEMO_USERS, handlerCgj: handler } };
}

/**
 * The unit desk shots sign in as the demo handler whose unit has the most orders waiting to be signed (待签收, the
 * tab the desk opens on), then the most in hand: which unit that is depends on when the city was seeded.
 */
async function busiestHandler(base: string, password: string, handlers: { username: string; unitName?: string }[]): Promise<string> {
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USERS.dispatcher, password }),
  }).catch((err: Error) => {
    throw new Error(`screenshots: no server at ${base} (${err.message})`);
  });
  if (!signIn.ok) throw new Error(`screenshots: signing in as ${DEMO_USERS.dispatcher} answered ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const count = async (status: string) => {
    const res = await fetch(`${base}/api/v1/tickets?status=${status}&limit=100`, { headers: { cookie } });
    if (!res.ok) throw new Error(`screenshots: GET /api/v1/tickets answered ${res.status}`);
    const counts = new Map<string, number>();
    for (const t of ((await res.json()) as { items: { leadUnitName: string | null }[] }).items)
      if (t.leadUnitName) counts.set(t.leadUnitName, (counts.get(t.leadUnitName) ?? 0) + 1);
    return counts;
  };
  const [toSign, inHand] = [await count('pending_sign'), await count('handling,extension_pending')];
  const score = (unit = '') => (toSign.get(unit) ?? 0) * 1000 + (inHand.get(unit) ?? 0);
  const best = [...handlers].sort((a, b) => score(b.unitName) - score(a.unitName))[0];
  if (!best) throw new Error('screenshots: the demo city has no handler logins');
  const unit = best.unitName ?? '';
  if (!toSign.get(unit)) console.warn('screenshots: no demo handler has orders waiting to be signed; the unit desk shots may time out');
  console.log(`unit desk shots as ${best.username} (${unit}: ${toSign.get(unit) ?? 0} to sign, ${inHand.get(unit) ?? 0} in hand)`);
  return best.username;
}

const browser = await launchBrowser();
let files: string[];
try {
  if (values.url) {
    files = await takeScreenshots(await demoTarget(values.url), browser, outDir, filter);
  } else {
    const { startTestServer } = await import('../e2e/support/server.ts');
    const server = await startTestServer();
    try {
      files = await takeScreenshots(server, browser, outDir, filter);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
for (const file of files) console.log(`saved ${path.relative(root, file)}`);
