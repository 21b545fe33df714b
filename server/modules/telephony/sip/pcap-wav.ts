/**
 * A call's recording as a WAV file a browser plays: rtpengine (user space) writes each call's RTP to a pcap file; this
 * decodes the G.711 streams in it (µ-law PT 0, A-law PT 8) and mixes both parties into one 8 kHz mono 16-bit WAV.
 *
 * Why not rtpengine-recording: that daemon reads packets from the kernel module's /proc interface
 * (--recording-method=proc), which user-space rtpengine (--table=-1) does not have. Other codecs (Opus from a browser
 * that did not settle on G.711) are skipped; the pcap stays for them.
 */
import fs from 'node:fs';

const RATE = 8000;

function ulawToPcm(u: number): number {
  u = ~u & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const sample = (((mantissa << 3) + 0x84) << exponent) - 0x84;
  return sign ? -sample : sample;
}

function alawToPcm(a: number): number {
  a ^= 0x55;
  const sign = a & 0x80;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const sample = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return sign ? sample : -sample;
}

interface Packet {
  atMs: number;
  payloadType: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

/** The RTP packets (UDP over IPv4) of a pcap file (link types Ethernet, raw IP, IPv4). */
export function readRtpPackets(pcap: Buffer): Packet[] {
  if (pcap.length < 24) return [];
  const magic = pcap.readUInt32LE(0);
  const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!le && pcap.readUInt32BE(0) !== 0xa1b2c3d4 && pcap.readUInt32BE(0) !== 0xa1b23c4d) throw new Error('not a pcap file');
  const nano = (le ? magic : pcap.readUInt32BE(0)) === 0xa1b23c4d;
  const u32 = (o: number) => (le ? pcap.readUInt32LE(o) : pcap.readUInt32BE(o));
  const linkType = u32(20);
  const packets: Packet[] = [];
  for (let off = 24; off + 16 <= pcap.length;) {
    const atMs = u32(off) * 1000 + u32(off + 4) / (nano ? 1e6 : 1e3);
    const len = u32(off + 8);
    const frame = pcap.subarray(off + 16, off + 16 + len);
    off += 16 + len;
    const ip = linkType === 1 ? 14 : linkType === 101 || linkType === 228 || linkType === 12 ? 0 : -1;
    if (ip < 0 || frame.length < ip + 20 || frame[ip]! >> 4 !== 4 || frame[ip + 9] !== 17) continue;
    const udp = ip + (frame[ip]! & 0x0f) * 4;
    const rtp = frame.subarray(udp + 8);
    if (rtp.length < 12 || rtp[0]! >> 6 !== 2) continue;
    const csrc = (rtp[0]! & 0x0f) * 4;
    let start = 12 + csrc;
    if (rtp[0]! & 0x10 && rtp.length >= start + 4) start += 4 + rtp.readUInt16BE(start + 2) * 4;
    let end = rtp.length;
    if (rtp[0]! & 0x20) end -= rtp[end - 1]!;
    packets.push({
      atMs,
      payloadType: rtp[1]! & 0x7f,
      timestamp: rtp.readUInt32BE(4),
      ssrc: rtp.readUInt32BE(8),
      payload: rtp.subarray(start, Math.max(start, end)),
    });
  }
  return packets;
}

/** Mixes the G.711 streams of a pcap into WAV bytes; null when it holds no G.711 audio. */
export function pcapToWav(pcap: Buffer): Buffer | null {
  const packets = readRtpPackets(pcap).filter((p) => p.payloadType === 0 || p.payloadType === 8);
  if (!packets.length) return null;
  const t0 = Math.min(...packets.map((p) => p.atMs));
  // Each stream (SSRC) is placed by its RTP timestamps from the moment its first packet was captured.
  const streams = new Map<number, { firstAtMs: number; firstTs: number }>();
  for (const p of packets) if (!streams.has(p.ssrc)) streams.set(p.ssrc, { firstAtMs: p.atMs, firstTs: p.timestamp });
  let total = 0;
  const placed = packets.map((p) => {
    const s = streams.get(p.ssrc)!;
    const offset = Math.round(((s.firstAtMs - t0) / 1000) * RATE) + ((p.timestamp - s.firstTs) >>> 0);
    total = Math.max(total, offset + p.payload.length);
    return { offset, p };
  });
  total = Math.min(total, RATE * 60 * 60 * 4); // four hours at most: a stray timestamp must not allocate gigabytes
  const mix = new Int32Array(total);
  for (const { offset, p } of placed) {
    const decode = p.payloadType === 0 ? ulawToPcm : alawToPcm;
    for (let i = 0; i < p.payload.length && offset + i < total; i++) mix[offset + i]! += decode(p.payload[i]!);
  }
  const wav = Buffer.alloc(44 + total * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + total * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(RATE, 24);
  wav.writeUInt32LE(RATE * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(total * 2, 40);
  for (let i = 0; i < total; i++) wav.writeInt16LE(Math.max(-32768, Math.min(32767, mix[i]!)), 44 + i * 2);
  return wav;
}

/** Writes `wavFile` from `pcapFile` (atomically); false when the capture holds no G.711 audio. */
export function convertPcapFile(pcapFile: string, wavFile: string): boolean {
  const wav = pcapToWav(fs.readFileSync(pcapFile));
  if (!wav) return false;
  const tmp = `${wavFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, wav);
  fs.renameSync(tmp, wavFile);
  return true;
}
