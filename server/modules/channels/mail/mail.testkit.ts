/**
 * Runs a real Dovecot (IMAP + LMTP) and a real Postfix (SMTP) on free ports in a temporary directory, as child
 * processes, for the mailbox tests. Postfix delivers every domain it serves into Dovecot over LMTP, so a letter sent
 * through Postfix lands in a Dovecot maildir where IMAP reads it: the citizen's letter to the mayor's mailbox, and
 * Lianxin's answer back to the citizen.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from '../../../lib/ports.ts';

export const DOVECOT = '/usr/sbin/dovecot';
export const POSTFIX = '/usr/sbin/postfix';
const POSTFIX_MASTER = '/usr/lib/postfix/sbin/master';

/** Why the mailbox tests cannot run here, or null when they can. */
export const mailServersMissing = !existsSync(DOVECOT)
  ? 'Dovecot is not installed (Debian packages dovecot-imapd and dovecot-lmtpd)'
  : !existsSync('/usr/lib/dovecot/lmtp')
    ? 'Dovecot LMTP is not installed (Debian package dovecot-lmtpd)'
    : !existsSync(POSTFIX)
      ? 'Postfix is not installed (Debian package postfix)'
      : process.getuid?.() !== 0
        ? "Postfix's master runs as root (it hands work to its unprivileged postfix user); run the mailbox tests as root"
        : null;

/** Domains the test Postfix delivers into Dovecot. */
export const MAIL_DOMAINS = ['city.test', 'citizen.test'];

export interface MailRig {
  imapPort: number;
  smtpPort: number;
  dir: string;
  /** Password of every account (accounts are any address at one of MAIL_DOMAINS). */
  password: string;
  /** Postfix's own log, for diagnostics. */
  postfixLog(): string;
  stop(): Promise<void>;
}

const readOr = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

export async function startMailServers(o: { accounts: string[] }): Promise<MailRig> {
  const [imapPort, lmtpPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(tmpdir(), 'lianxin-mail-'));
  // Dovecot's login processes (dovenull) and Postfix's (postfix) walk into this directory
  chmodSync(dir, 0o755);
  const password = `pw${Date.now()}`;
  const nobody = 65534;

  // --- Dovecot: IMAP for Lianxin and the test, LMTP for Postfix; accounts in a passwd-file, mail as maildirs
  const dv = path.join(dir, 'dovecot');
  for (const d of ['run', 'state', 'mail']) mkdirSync(path.join(dv, d), { recursive: true });
  chownSync(path.join(dv, 'mail'), nobody, nobody);
  writeFileSync(path.join(dv, 'users'), o.accounts.map((a) => `${a}:{PLAIN}${password}::::::\n`).join(''));
  const dovecotConf = path.join(dv, 'dovecot.conf');
  writeFileSync(
    dovecotConf,
    `
base_dir = ${dv}/run
state_dir = ${dv}/state
instance_name = lianxin-test-${imapPort}
log_path = ${dv}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:${dv}/mail/%d/%n
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dv}/users
}
userdb {
  driver = static
  args = uid=${nobody} gid=${nobody} home=${dv}/mail/%d/%n allow_all_users=yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
}
service anvil {
  chroot =
}
protocol lmtp {
  postmaster_address = postmaster@city.test
}
`,
  );

  // --- Postfix: SMTP on a free port, every message for MAIL_DOMAINS to Dovecot's LMTP
  const pf = path.join(dir, 'postfix');
  mkdirSync(path.join(pf, 'queue'), { recursive: true });
  mkdirSync(path.join(pf, 'data'), { recursive: true });
  const idOf = (flag: string, name: string) => Number(spawnSync('id', [flag, name]).stdout.toString().trim());
  const [postfixUid, postfixGid, postdropGid] = [
    idOf('-u', 'postfix'),
    idOf('-g', 'postfix'),
    Number(spawnSync('getent', ['group', 'postdrop']).stdout.toString().split(':')[2]),
  ];
  chownSync(path.join(pf, 'data'), postfixUid, postfixGid);
  // the queue as postfix-script would make it (it is not run: its checks need a syslog and a terminal to report to)
  for (const d of ['active', 'bounce', 'corrupt', 'defer', 'deferred', 'flush', 'hold', 'incoming', 'private', 'saved', 'trace']) {
    mkdirSync(path.join(pf, 'queue', d), { mode: 0o700 });
    chownSync(path.join(pf, 'queue', d), postfixUid, 0);
  }
  mkdirSync(path.join(pf, 'queue', 'maildrop'), { mode: 0o730 });
  chownSync(path.join(pf, 'queue', 'maildrop'), postfixUid, postdropGid);
  mkdirSync(path.join(pf, 'queue', 'public'), { mode: 0o710 });
  chownSync(path.join(pf, 'queue', 'public'), postfixUid, postdropGid);
  mkdirSync(path.join(pf, 'queue', 'pid'), { mode: 0o755 });
  writeFileSync(
    path.join(pf, 'main.cf'),
    `
compatibility_level = 3.6
queue_directory = ${pf}/queue
data_directory = ${pf}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.city.test
mydomain = city.test
myorigin = city.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
mynetworks = 127.0.0.0/8
virtual_mailbox_domains = ${MAIL_DOMAINS.join(' ')}
virtual_transport = lmtp:inet:127.0.0.1:${lmtpPort}
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
message_size_limit = 60000000
maillog_file = ${pf}/maillog
maillog_file_prefixes = ${pf}
smtputf8_enable = yes
`,
  );
  writeFileSync(
    path.join(pf, 'master.cf'),
    `
127.0.0.1:${smtpPort} inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`,
  );

  const children: ChildProcess[] = [];
  const start = (bin: string, args: string[]) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
    });
    children.push(child);
    return () => output;
  };
  const dovecotOut = start(DOVECOT, ['-F', '-c', dovecotConf]);
  await waitForPort('127.0.0.1', imapPort, 20_000, () => `${dovecotOut()}\n${readOr(`${dv}/dovecot.log`)}`);
  await waitForPort('127.0.0.1', lmtpPort, 20_000, () => readOr(`${dv}/dovecot.log`));
  // master in the foreground (-d), so it is our child and ends with the test
  const postfixOut = start(POSTFIX_MASTER, ['-c', pf, '-d']);
  await waitForPort('127.0.0.1', smtpPort, 20_000, () => `${postfixOut()}\n${readOr(`${pf}/maillog`)}`);

  return {
    imapPort,
    smtpPort,
    dir,
    password,
    postfixLog: () => readOr(`${pf}/maillog`),
    async stop() {
      // both masters end their children on SIGTERM
      for (const child of children.reverse()) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        });
      }
      if (!process.env.KEEP_MAIL_DIR) rmSync(dir, { recursive: true, force: true });
    },
  };
}
