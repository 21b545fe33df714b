/** Kannel: outgoing SMS through smsbox's sendsms interface, and the configuration that points smsbox at Lianxin. */
import type { ChannelSender } from '../../contacts/contacts.service.ts';

export interface KannelSenderOptions {
  sendsmsUrl: string;
  username: string;
  password: string;
  /** The hotline's number, the sender. */
  from: string;
  /** Where Kannel reports delivery (our /api/v1/channels/sms/kannel/dlr), secret included; null: no reports. */
  dlrUrl: string | null;
  timeoutMs?: number;
}

/** DLR mask 31: delivered, undelivered, queued at SMSC, accepted by SMSC, rejected by SMSC. */
const DLR_ALL = 31;

export function createKannelSender(o: KannelSenderOptions): ChannelSender {
  let lastReference = Math.floor(Math.random() * 256);
  return {
    async send(message) {
      const parts = splitForSms(message.body);
      // One reference for all parts of a message: the phone puts them back together by it (UDH IEI 0x00). Taken
      // once per message, as other messages are sent at the same time while this one awaits its parts.
      const reference = (lastReference = (lastReference + 1) % 256);
      for (const [i, text] of parts.entries()) {
        const url = new URL(o.sendsmsUrl);
        const params: Record<string, string> = {
          username: o.username,
          password: o.password,
          from: o.from,
          to: message.address,
          text,
          charset: 'UTF-8',
          coding: isGsmText(message.body) ? '0' : '2',
        };
        if (o.dlrUrl) {
          params['dlr-mask'] = String(DLR_ALL);
          // %d DLR type, %A the SMSC's answer; our message id and the part travel in the URL
          params['dlr-url'] =
            `${o.dlrUrl}${o.dlrUrl.includes('?') ? '&' : '?'}message=${message.id}&part=${i + 1}&parts=${parts.length}&type=%d&answer=%A`;
        }
        for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
        // the header is raw bytes, percent-encoded one by one (not as UTF-8 text)
        if (parts.length > 1)
          url.search += `&udh=${[5, 0, 3, reference, parts.length, i + 1].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`;
        const res = await fetch(url, { signal: AbortSignal.timeout(o.timeoutMs ?? 10_000) });
        const body = (await res.text()).trim();
        // 202 "0: Accepted for delivery" (or "3: Queued for later delivery" when the SMSC is down)
        if (res.status !== 202 && res.status !== 200)
          throw new Error(`Kannel sendsms answered ${res.status} for part ${i + 1}/${parts.length}: ${body.slice(0, 200)}`);
      }
      return { externalId: `kannel:${message.id}:${parts.length}` };
    },
  };
}

/** Plain ASCII goes as 7-bit text (160 a message); anything else as UCS-2 (70). */
const isGsmText = (text: string) => /^[\x20-\x7e\n]*$/.test(text);

/**
 * The parts of a long message, each small enough to travel with a concatenation header: 153 GSM characters or
 * 67 UCS-2 units (a surrogate pair is never cut). One part when the whole fits in one SMS.
 */
export function splitForSms(text: string): string[] {
  const gsm = isGsmText(text);
  const single = gsm ? 160 : 70;
  const part = gsm ? 153 : 67;
  if (text.length <= single) return [text];
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + part, text.length);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end--;
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts;
}

/**
 * A Kannel configuration for one bearerbox + smsbox that hands every incoming SMS to Lianxin and lets Lianxin send.
 * Tests and the benchmark generate it with the fake SMSC; production swaps the smsc group for the operator's SMPP link.
 */
export function kannelConfig(o: {
  adminPort: number;
  smsboxPort: number;
  sendsmsPort: number;
  dir: string;
  lianxinBaseUrl: string;
  secret: string;
  username: string;
  password: string;
  smsc: { kind: 'fake'; port: number } | { kind: 'smpp'; host: string; port: number; systemId: string; password: string };
}): string {
  const inbound =
    `${o.lianxinBaseUrl}/api/v1/channels/sms/kannel/inbound?secret=${encodeURIComponent(o.secret)}` +
    '&id=%I&from=%p&to=%P&text=%b&coding=%c&charset=%C&udh=%u&time=%T&smsc=%i';
  const smsc =
    o.smsc.kind === 'fake'
      ? `group = smsc\nsmsc = fake\nsmsc-id = fake\nport = ${o.smsc.port}\nconnect-allow-ip = 127.0.0.1\n`
      : `group = smsc\nsmsc = smpp\nsmsc-id = operator\nhost = ${o.smsc.host}\nport = ${o.smsc.port}\nsystem-id = ${o.smsc.systemId}\nsmsc-password = ${o.smsc.password}\ntransceiver-mode = true\n`;
  return `group = core
admin-port = ${o.adminPort}
admin-password = ${o.password}
admin-interface = 127.0.0.1
smsbox-port = ${o.smsboxPort}
box-allow-ip = 127.0.0.1
log-file = "${o.dir}/bearerbox.log"
log-level = 1
access-log = "${o.dir}/access.log"
store-type = file
store-location = "${o.dir}/store/kannel.store"
sms-combine-concatenated-mo = true
dlr-storage = internal

${smsc}
group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = ${o.smsboxPort}
sendsms-port = ${o.sendsmsPort}
sendsms-interface = 127.0.0.1
log-file = "${o.dir}/smsbox.log"
log-level = 1
mo-recode = true
http-request-retry = 10
http-queue-delay = 2
max-pending-requests = 1024

group = sendsms-user
username = ${o.username}
password = ${o.password}
max-messages = 10
concatenation = true

group = sms-service
keyword = default
catch-all = true
max-messages = 0
get-url = "${inbound}"
`;
}
