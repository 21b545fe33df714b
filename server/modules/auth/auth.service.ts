import type { Role } from '../../../common/enums.ts';
import type { Credentials } from '../../lib/credentials.ts';
import { publicActor, type Actor, type Clock } from '../../lib/actor.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import type { AuthRepository } from './auth.repository.ts';

/** Sessions that could not be resolved carry why, so the API can say "expired" rather than "sign in". */
type ResolvedActor = Actor & { sessionProblem?: 'expired' | 'unknown'; csrfToken?: string };

export function createAuthService(deps: { repo: AuthRepository; clock: Clock; sessionTtlHours: number }) {
  const { repo, clock } = deps;

  return {
    async signIn(input: { username: string; password: string }) {
      const now = clock.now();
      const lock = await repo.findSignInLock(input.username);
      if (lock?.lockedUntil && lock.lockedUntil.getTime() > now.getTime()) throw signInLocked(lock.lockedUntil, now);
      const user = await repo.findUserByUsername(input.username);
      // Verify even for unknown users so response time does not reveal which usernames exist.
      const isValid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
      if (!user || !isValid || !user.isActive) {
        const failed = await repo.recordSignInFailure(input.username, now, SIGN_IN_BACKOFF.resetAfterMs);
        const delayMs = signInDelayMs(failed.failures);
        if (delayMs > 0) {
          const until = new Date(now.getTime() + delayMs);
          await repo.lockSignIn(input.username, until);
          throw signInLocked(until, now);
        }
        throw new AppError('INVALID_CREDENTIALS', { message: '用户名或密码错误', messageEn: 'Wrong username or password' });
      }
      if (lock) await repo.clearSignInFailures(input.username);
      const token = randomToken();
      const csrfToken = randomToken(18);
      const expiresAt = new Date(clock.now().getTime() + deps.sessionTtlHours * 3600_000);
      await repo.createSession({ tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt });
      return { token, csrfToken, expiresAt, userId: user.id };
    },

    /** Forgets counts that no longer change any answer (quiet for the whole counting window, lock over); see the job. */
    deleteStaleSignInFailures() {
      const now = clock.now();
      return repo.deleteStaleSignInFailures(new Date(now.getTime() - SIGN_IN_BACKOFF.resetAfterMs), now);
    },

    /** Deletes sessions expired more than `EXPIRED_SESSION_KEPT_MS` ago; returns how many. */
    deleteExpiredSessions() {
      return repo.deleteSessionsExpiredBefore(new Date(clock.now().getTime() - EXPIRED_SESSION_KEPT_MS));
    },

    async signOut(sessionToken: string | null) {
      if (sessionToken) await repo.deleteSession(sha256(sessionToken));
    },

    async resolveActor(credentials: Credentials): Promise<ResolvedActor> {
      if (credentials.apiKey) {
        const key = await repo.findActiveApiKey(sha256(credentials.apiKey));
        if (key) {
          return {
            kind: 'api_key',
            userId: null,
            apiKeyId: key.id,
            role: key.role as Role,
            unitId: key.unitId,
            displayName: key.name,
            ip: credentials.ip,
          };
        }
        return { ...publicActor(credentials.ip), sessionProblem: 'unknown' };
      }
      if (credentials.sessionToken) {
        const found = await repo.findSessionWithUser(sha256(credentials.sessionToken));
        if (!found || !found.user.isActive) return { ...publicActor(credentials.ip), sessionProblem: 'unknown' };
        if (found.session.expiresAt.getTime() <= clock.now().getTime())
          return { ...publicActor(credentials.ip), sessionProblem: 'expired' };
        const { user } = found;
        return {
          kind: 'user',
          userId: user.id,
          apiKeyId: null,
          role: user.role as Role,
          unitId: user.unitId,
          displayName: user.displayName,
          ip: credentials.ip,
          csrfToken: found.session.csrfToken,
        };
      }
      return publicActor(credentials.ip);
    },

    requireSignedIn(actor: ResolvedActor) {
      if (actor.kind === 'user' || actor.kind === 'api_key' || actor.kind === 'system') return;
      if (actor.sessionProblem === 'expired') {
        throw new AppError('SESSION_EXPIRED', { message: '登录已过期，请重新登录', messageEn: 'Your session has expired; sign in again' });
      }
      throw new AppError('UNAUTHENTICATED', { message: '请先登录', messageEn: 'Sign in first' });
    },

    /** Cookie sessions must echo the CSRF token in a header on every write; API keys are not sent by browsers, so they need none. */
    checkCsrf(actor: ResolvedActor, credentials: Credentials) {
      if (actor.kind !== 'user') return;
      if (!credentials.csrfToken || credentials.csrfToken !== actor.csrfToken) {
        throw new AppError('CSRF_FAILED', {
          message: '安全校验失败，请刷新页面后重试',
          messageEn: 'CSRF check failed; reload the page and try again',
        });
      }
    },

    /** Creates an integration key; the plain key is returned once and only its hash is stored. */
    async createApiKey(input: { name: string; role: Role; unitId?: number | null; plainKey?: string }) {
      const plainKey = input.plainKey ?? `lx_${randomToken(24)}`;
      const row = await repo.createApiKey({
        name: input.name,
        role: input.role,
        unitId: input.unitId ?? null,
        keyHash: sha256(plainKey),
        prefix: plainKey.slice(0, 7),
      });
      return { ...row, plainKey };
    },

    hashPassword,
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

/**
 * How long an expired session's row is kept: a tab left open that long still hears "your session expired" (rather
 * than "sign in first"); after that the row only takes space, and the job deletes it.
 */
export const EXPIRED_SESSION_KEPT_MS = 7 * 24 * 3600_000;

/** Per-account sign-in backoff: free attempts, then a delay that doubles with each further wrong password. */
export const SIGN_IN_BACKOFF = { freeAttempts: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, resetAfterMs: 60 * 60_000 } as const;

/** How long sign-in stays closed after the n-th consecutive wrong password (0 = not at all). */
export function signInDelayMs(failures: number): number {
  if (failures < SIGN_IN_BACKOFF.freeAttempts) return 0;
  return Math.min(SIGN_IN_BACKOFF.firstDelayMs * 2 ** (failures - SIGN_IN_BACKOFF.freeAttempts), SIGN_IN_BACKOFF.maxDelayMs);
}

function signInLocked(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('SIGN_IN_LOCKED', {
    message: `该账号密码错误次数过多，请 ${seconds} 秒后再试`,
    messageEn: `Too many wrong passwords for this account; try again in ${seconds} seconds`,
    details: { retryAfterSeconds: seconds },
  });
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Qm9ndXNIYXNoQm9ndXNIYXNoQm9ndXNIYXNoQm9ndXM';
