/**
 * rtpengine's ng control protocol (bencoded dictionaries over UDP, each prefixed with a cookie), for what Kamailio's
 * script cannot do well: answering a waiting caller with early media, playing prompts, and the call's recording state.
 */
import crypto from 'node:crypto';
import dgram from 'node:dgram';

export type Bencodable = string | number | Buffer | Bencodable[] | { [key: string]: Bencodable | undefined };

export function bencode(value: Bencodable): Buffer {
  if (Buffer.isBuffer(value)) return Buffer.concat([Buffer.from(`${value.length}:`), value]);
  if (typeof value === 'string') return bencode(Buffer.from(value, 'utf8'));
  if (typeof value === 'number') return Buffer.from(`i${Math.trunc(value)}e`);
  if (Array.isArray(value)) return Buffer.concat([Buffer.from('l'), ...value.map(bencode), Buffer.from('e')]);
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return Buffer.concat([Buffer.from('d'), ...keys.flatMap((k) => [bencode(k), bencode(value[k]!)]), Buffer.from('e')]);
}

/** Decodes one value; strings come back as UTF-8 strings (rtpengine sends text: SDP, results, reasons). */
export function bdecode(buf: Buffer): unknown {
  let i = 0;
  const next = (): unknown => {
    const c = String.fromCharCode(buf[i]!);
    if (c === 'i') {
      const end = buf.indexOf(0x65, i);
      const n = Number(buf.subarray(i + 1, end).toString());
      i = end + 1;
      return n;
    }
    if (c === 'l') {
      i++;
      const list: unknown[] = [];
      while (buf[i] !== 0x65) list.push(next());
      i++;
      return list;
    }
    if (c === 'd') {
      i++;
      const dict: Record<string, unknown> = {};
      while (buf[i] !== 0x65) {
        const k = next() as string;
        dict[k] = next();
      }
      i++;
      return dict;
    }
    const colon = buf.indexOf(0x3a, i);
    const len = Number(buf.subarray(i, colon).toString());
    const s = buf.subarray(colon + 1, colon + 1 + len).toString('utf8');
    i = colon + 1 + len;
    return s;
  };
  return next();
}

export interface NgClient {
  /** Sends one command; resolves with rtpengine's reply dictionary, rejects on timeout or `result: error`. */
  request(command: string, args: Record<string, Bencodable | undefined>): Promise<Record<string, unknown>>;
  close(): void;
}

/** A client for rtpengine's `--listen-ng` address ("host:port"); one UDP socket, replies matched by cookie. */
export function createNgClient(address: string, opts: { timeoutMs?: number } = {}): NgClient {
  const [host, portText] = address.includes(':')
    ? [address.slice(0, address.lastIndexOf(':')), address.slice(address.lastIndexOf(':') + 1)]
    : ['127.0.0.1', address];
  const port = Number(portText);
  const timeoutMs = opts.timeoutMs ?? 1000;
  let socket: dgram.Socket | null = null;
  const pending = new Map<string, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  const open = () => {
    if (socket) return socket;
    socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    socket.on('message', (msg) => {
      const space = msg.indexOf(0x20);
      if (space < 0) return;
      const cookie = msg.subarray(0, space).toString();
      const p = pending.get(cookie);
      if (!p) return;
      pending.delete(cookie);
      clearTimeout(p.timer);
      try {
        const reply = bdecode(msg.subarray(space + 1)) as Record<string, unknown>;
        if (reply.result === 'error') p.reject(new Error(`rtpengine: ${String(reply['error-reason'] ?? 'error')}`));
        else p.resolve(reply);
      } catch (err) {
        p.reject(err as Error);
      }
    });
    socket.unref();
    return socket;
  };
  return {
    request(command, args) {
      const cookie = crypto.randomBytes(6).toString('hex');
      const payload = Buffer.concat([Buffer.from(`${cookie} `), bencode({ ...args, command })]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(cookie);
          reject(new Error(`rtpengine did not answer "${command}" in ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(cookie, { resolve, reject, timer });
        open().send(payload, port, host, (err) => {
          if (err) {
            pending.delete(cookie);
            clearTimeout(timer);
            reject(err);
          }
        });
      });
    },
    close() {
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error('rtpengine client closed'));
      }
      pending.clear();
      socket?.close();
      socket = null;
    },
  };
}
