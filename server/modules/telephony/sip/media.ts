/**
 * What callers hear from Lianxin itself, through rtpengine's ng protocol: early media for a waiting caller (Kamailio
 * answers the INVITE with 183 + an SDP pointing at rtpengine), their place in the queue, the rating prompt after the
 * agent hung up; and the DTMF keys rtpengine reports (its --dtmf-log-dest, JSON over UDP).
 *
 * Kamailio stays a proxy: it never answers a call. rtpengine is given the caller's offer and a stand-in answer
 * (tag `lx-queue`, send-only, nobody listening), so it can send prompts to the caller while nobody is on the other
 * side; when an agent is found the stand-in is deleted and Kamailio's own offer/answer to the agent takes over.
 */
import dgram from 'node:dgram';
import { createNgClient, type NgClient } from './rtpengine-ng.ts';
import { ensurePrompts, queuePrompt, type PromptName } from './prompts.ts';

export const QUEUE_TAG = 'lx-queue';

export interface DtmfEvent {
  callId: string;
  sourceTag: string;
  digit: string;
}

export interface CallMedia {
  /** The SDP answer for the caller's 183 (early media), or null when the offer cannot be answered (not plain RTP). */
  earlyMedia(callId: string, callerTag: string, offer: string): Promise<string | null>;
  /** Plays a prompt to the caller; resolves with its length in ms. */
  play(callId: string, callerTag: string, prompt: PromptName): Promise<number>;
  /** Plays the queue prompt for this position, unless the last prompt is still playing or said the same not long ago. */
  announcePosition(callId: string, callerTag: string, position: number): void;
  /** The call leaves the queue: the stand-in answer goes, so the agent's offer/answer starts afresh. */
  endEarlyMedia(callId: string, callerTag: string): Promise<void>;
  /** Starts listening for rtpengine's DTMF reports. */
  start(onDtmf: (e: DtmfEvent) => void): Promise<void>;
  stop(): Promise<void>;
}

/** A position is said again at most this often when it has not changed. */
const REPEAT_MS = 20_000;

/** rtpengine's DTMF event numbers (RFC 4733) to keys. */
const DTMF_KEYS = '0123456789*#ABCD';

/**
 * The stand-in answer: the caller's own audio formats (plain RTP only), send-only so rtpengine forwards nothing to it.
 */
export function standInAnswer(offer: string): string | null {
  const lines = offer.split(/\r?\n/);
  const audio = lines.findIndex((l) => l.startsWith('m=audio '));
  if (audio < 0) return null;
  const [, , proto, ...formats] = lines[audio]!.split(' ');
  if (proto !== 'RTP/AVP' || !formats.length) return null;
  const end = lines.findIndex((l, i) => i > audio && l.startsWith('m='));
  const attrs = lines.slice(audio + 1, end < 0 ? undefined : end).filter((l) => /^a=(rtpmap|fmtp|ptime):/.test(l));
  return [
    'v=0',
    'o=lianxin 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio 9 RTP/AVP ${formats.join(' ')}`,
    ...attrs,
    'a=sendonly',
    '',
  ].join('\r\n');
}

export function createCallMedia(opts: {
  ngAddress: string;
  promptsDir: string;
  dtmfListen?: string;
  log?: (msg: string) => void;
}): CallMedia {
  const log = opts.log ?? (() => {});
  let ng: NgClient | null = null;
  const client = () => (ng ??= createNgClient(opts.ngAddress, { timeoutMs: 800 }));
  let prompts: Promise<Record<string, string>> | null = null;
  const promptFiles = () =>
    (prompts ??= ensurePrompts(opts.promptsDir).catch((err) => {
      prompts = null;
      throw err;
    }));
  let socket: dgram.Socket | null = null;
  /** Per waiting call: the position last said and when that prompt ends (this process only; a restart just says it again). */
  const announced = new Map<string, { position: number; playingUntil: number; saidAt: number }>();

  const media: CallMedia = {
    async earlyMedia(callId, callerTag, offer) {
      const answer = standInAnswer(offer);
      if (!answer) return null;
      const common = { 'call-id': callId, 'from-tag': callerTag, replace: ['origin', 'session-connection'] };
      await client().request('offer', { ...common, sdp: offer });
      const reply = await client().request('answer', { ...common, 'to-tag': QUEUE_TAG, sdp: answer });
      return typeof reply.sdp === 'string' ? reply.sdp : null;
    },

    async play(callId, callerTag, prompt) {
      const file = (await promptFiles())[prompt];
      if (!file) throw new Error(`no prompt ${prompt}`);
      const reply = await client().request('play media', { 'call-id': callId, 'from-tag': callerTag, file });
      return typeof reply.duration === 'number' ? reply.duration : 0;
    },

    announcePosition(callId, callerTag, position) {
      const now = Date.now();
      const last = announced.get(callId);
      if (last && (now < last.playingUntil || (last.position === position && now - last.saidAt < REPEAT_MS))) return;
      const entry = { position, playingUntil: now + 10_000, saidAt: now };
      announced.set(callId, entry);
      media
        .play(callId, callerTag, queuePrompt(position))
        .then((ms) => {
          entry.playingUntil = Date.now() + ms;
        })
        .catch((err) => {
          announced.delete(callId);
          log(`queue prompt for ${callId}: ${(err as Error).message}`);
        });
    },

    async endEarlyMedia(callId, callerTag) {
      announced.delete(callId);
      await client()
        .request('delete', { 'call-id': callId, 'from-tag': callerTag, 'to-tag': QUEUE_TAG })
        .catch(() => {});
    },

    async start(onDtmf) {
      // Make the prompts now, so the first caller does not wait for speech synthesis.
      void promptFiles().catch((err) => log(`prompts: ${(err as Error).message}`));
      if (!opts.dtmfListen || socket) return;
      const at = opts.dtmfListen.lastIndexOf(':');
      const sock = dgram.createSocket('udp4');
      sock.on('message', (msg) => {
        try {
          const e = JSON.parse(msg.toString()) as { callid?: string; source_tag?: string; event?: number; type?: string };
          if (typeof e.callid !== 'string' || typeof e.source_tag !== 'string' || typeof e.event !== 'number') return;
          const digit = DTMF_KEYS[e.event];
          if (digit) onDtmf({ callId: e.callid, sourceTag: e.source_tag, digit });
        } catch {
          // not rtpengine's JSON: ignored
        }
      });
      await new Promise<void>((resolve, reject) => {
        sock.once('error', reject);
        sock.bind(Number(opts.dtmfListen!.slice(at + 1)), opts.dtmfListen!.slice(0, at), () => resolve());
      });
      socket = sock;
    },

    async stop() {
      ng?.close();
      ng = null;
      announced.clear();
      if (socket) await new Promise<void>((r) => socket!.close(() => r()));
      socket = null;
    },
  };
  return media;
}
