import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultStackSettings } from './stack.ts';

/** Where the kernel takes the ports freePort() hands out (Kamailio's SIP port, SIPp's phones and callers in tests). */
function ephemeralStart(): number {
  const text = fs.existsSync('/proc/sys/net/ipv4/ip_local_port_range')
    ? fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    : '32768';
  return Number(text.trim().split(/\s+/)[0]);
}

describe('defaultStackSettings', () => {
  // rtpengine binds a media port even when another socket holds it (both with SO_REUSEADDR) and from then on receives
  // that port's datagrams: a SIP port inside its range left Kamailio deaf for the rest of a benchmark run.
  it("keeps rtpengine's media ports out of the range the SIP ports are taken from", async () => {
    const start = ephemeralStart();
    for (let i = 0; i < 200; i++) {
      const s = await defaultStackSettings({ lianxinUrl: 'http://127.0.0.1:1', secret: 'x', runDir: '/tmp' });
      expect(s.rtpPortMax).toBeLessThan(start);
      expect(s.rtpPortMax - s.rtpPortMin).toBe(99);
      for (const port of [s.sipPort, s.wsPort, s.rtpengineNgPort]) expect(port < s.rtpPortMin || port > s.rtpPortMax).toBe(true);
    }
  });
});
