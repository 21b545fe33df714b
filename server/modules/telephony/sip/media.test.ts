import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { satisfactionRate } from '../acd.ts';
import { pcapToWav, readRtpPackets } from './pcap-wav.ts';
import { chineseNumber, queuePrompt } from './prompts.ts';
import { bdecode, bencode } from './rtpengine-ng.ts';
import { standInAnswer } from './media.ts';
import { SIPP_PCAP_DIR } from './sipp.ts';

/** A pcap (raw IPv4 link type) of G.711 µ-law RTP packets: `count` packets of 160 samples from `ssrc`. */
function pcapOf(streams: { ssrc: number; count: number; byte: number; startMs: number }[]): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(101, 20);
  const records: Buffer[] = [header];
  for (const s of streams) {
    for (let i = 0; i < s.count; i++) {
      const rtp = Buffer.alloc(12 + 160, s.byte);
      rtp[0] = 0x80;
      rtp[1] = 0;
      rtp.writeUInt16BE(i, 2);
      rtp.writeUInt32BE(i * 160, 4);
      rtp.writeUInt32BE(s.ssrc, 8);
      const ip = Buffer.alloc(28);
      ip[0] = 0x45;
      ip[9] = 17;
      ip.writeUInt16BE(28 + rtp.length, 2);
      ip.writeUInt16BE(8 + rtp.length, 24);
      const frame = Buffer.concat([ip, rtp]);
      const rec = Buffer.alloc(16);
      const ms = s.startMs + i * 20;
      rec.writeUInt32LE(Math.floor(ms / 1000), 0);
      rec.writeUInt32LE((ms % 1000) * 1000, 4);
      rec.writeUInt32LE(frame.length, 8);
      rec.writeUInt32LE(frame.length, 12);
      records.push(rec, frame);
    }
  }
  return Buffer.concat(records);
}

describe('pcapToWav', () => {
  it('mixes both parties into one 8 kHz mono WAV placed by capture time and RTP timestamps', () => {
    // caller: 1 s of a constant µ-law value from t=0; agent: 0.5 s from t=0.5 s
    const wav = pcapToWav(
      pcapOf([
        { ssrc: 1, count: 50, byte: 0x10, startMs: 1000 },
        { ssrc: 2, count: 25, byte: 0x90, startMs: 1500 },
      ]),
    )!;
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt32LE(40)).toBe(8000 * 2); // one second of samples
    const at = (sample: number) => wav.readInt16LE(44 + sample * 2);
    expect(at(100)).toBeLessThan(-8000); // 0x10: a loud negative µ-law sample
    expect(at(6000)).toBe(0); // 0x10 and 0x90 are the same magnitude with opposite signs
  });

  it("returns null for a capture without G.711 (SIPp's RFC 4733 key only)", () => {
    const file = `${SIPP_PCAP_DIR}/dtmf_2833_2.pcap`;
    if (!fs.existsSync(file)) return;
    const pcap = fs.readFileSync(file);
    expect(readRtpPackets(pcap).map((p) => p.payloadType)).toContain(101);
    expect(pcapToWav(pcap)).toBeNull();
  });
});

describe('standInAnswer', () => {
  it("answers the caller's plain-RTP formats, send-only, on the discard port", () => {
    const sdp = standInAnswer(
      'v=0\r\no=c 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n',
    )!;
    expect(sdp).toContain('m=audio 9 RTP/AVP 0 101');
    expect(sdp).toContain('a=rtpmap:101 telephone-event/8000');
    expect(sdp).toContain('a=sendonly');
  });
  it('declines encrypted or WebRTC offers', () => {
    expect(standInAnswer('v=0\r\nm=audio 4000 UDP/TLS/RTP/SAVPF 111\r\n')).toBeNull();
  });
});

describe('rtpengine ng bencode', () => {
  it('round-trips a command with sorted keys', () => {
    const wire = bencode({ command: 'play media', 'call-id': 'a', 'repeat-times': 2, flags: ['x'] });
    expect(wire.toString()).toBe('d7:call-id1:a7:command10:play media5:flagsl1:xe12:repeat-timesi2ee');
    expect(bdecode(wire)).toEqual({ command: 'play media', 'call-id': 'a', 'repeat-times': 2, flags: ['x'] });
  });
});

describe('prompts', () => {
  it('says positions as Chinese numerals and beyond twenty as "more than twenty"', () => {
    expect([1, 10, 12, 20].map(chineseNumber)).toEqual(['一', '十', '十二', '二十']);
    expect(queuePrompt(3)).toBe('queue-3');
    expect(queuePrompt(21)).toBe('queue-many');
  });
});

describe('satisfactionRate (服务过程满意率)', () => {
  it('counts satisfied and basically satisfied over every rating', () => {
    expect(satisfactionRate({ satisfied: 6, basic: 2, unsatisfied: 2 })).toBe(0.8);
    expect(satisfactionRate({ satisfied: 0, basic: 0, unsatisfied: 0 })).toBeNull();
  });
});
