import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKannelSender, splitForSms } from './sms.kannel.ts';

/** A stand-in for smsbox's sendsms port that records each request's URL and answers slowly, as a busy gateway does. */
let server: Server;
const requests: URL[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(new URL(req.url!, 'http://sendsms'));
    setTimeout(() => res.writeHead(202).end('0: Accepted for delivery'), 5 + Math.random() * 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createKannelSender', () => {
  it('gives every part of a long message the same reference, even while other long messages are being sent', async () => {
    const { port } = server.address() as AddressInfo;
    const sender = createKannelSender({
      sendsmsUrl: `http://127.0.0.1:${port}/cgi-bin/sendsms`,
      username: 'u',
      password: 'p',
      from: '12345',
      dlrUrl: null,
    });
    const body = '【12345】您的留言已收到，已补充到工单 20261208-00002，承办单位将一并办理。进度：http://127.0.0.1:41563/portal?tab=track';
    expect(splitForSms(body).length).toBe(2);
    const addresses = Array.from({ length: 8 }, (_, i) => `1390000000${i}`);
    await Promise.all(
      addresses.map((address, i) =>
        sender.send({ id: i + 1, channel: 'sms', address, kind: 'notice', subject: null, body, contact: null }),
      ),
    );
    const referencesByAddress = new Map<string, Set<string>>();
    for (const url of requests) {
      const to = url.searchParams.get('to')!;
      // udh=%05%00%03<reference>%<total>%<sequence>: the reference is the fourth byte
      const reference = url.search.match(/udh=(?:%[0-9a-f]{2}){3}%([0-9a-f]{2})/i)![1];
      referencesByAddress.set(to, (referencesByAddress.get(to) ?? new Set()).add(reference));
    }
    expect(requests).toHaveLength(addresses.length * 2);
    for (const address of addresses) expect(referencesByAddress.get(address)?.size, address).toBe(1);
    expect(new Set([...referencesByAddress.values()].map((s) => [...s][0])).size).toBe(addresses.length);
  });
});
