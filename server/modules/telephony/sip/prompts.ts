/**
 * The spoken prompts rtpengine plays: Mandarin speech made with espeak-ng (voice cmn) and turned by sox into 8 kHz mono
 * 16-bit WAV, written under DATA_DIR at start (generated, never committed). rtpengine reads them by path, so it must run
 * on the same host as Lianxin (or see the same DATA_DIR).
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ESPEAK_BIN = process.env.ESPEAK_BIN ?? '/usr/bin/espeak-ng';
export const SOX_BIN = process.env.SOX_BIN ?? '/usr/bin/sox';

/** Positions up to this are said as a number; beyond, "more than twenty". */
export const MAX_SPOKEN_POSITION = 20;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1..99 as Chinese numerals (两 is not used: positions are read as plain counts). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

export type PromptName = `queue-${number}` | 'queue-many' | 'rating' | 'rating-thanks';

/** Every prompt and what it says (the hotline's number read digit by digit, as callers hear it on the line). */
export function promptTexts(): Record<string, string> {
  const texts: Record<string, string> = {
    'queue-many': '您好，欢迎致电一二三四五政务服务便民热线。坐席正忙，您前面还有二十位以上来电，请耐心等候。',
    rating: '请您对本次服务进行评价。满意请按一，基本满意请按二，不满意请按三。',
    'rating-thanks': '感谢您的评价，再见。',
  };
  for (let n = 1; n <= MAX_SPOKEN_POSITION; n++) {
    texts[`queue-${n}`] = `您好，欢迎致电一二三四五政务服务便民热线。坐席正忙，您前面还有${chineseNumber(n)}位来电，请耐心等候。`;
  }
  return texts;
}

/** The prompt telling a waiting caller their place: position 1 is the next call to be answered. */
export const queuePrompt = (position: number): PromptName =>
  position >= 1 && position <= MAX_SPOKEN_POSITION ? `queue-${position}` : 'queue-many';

/** Why prompts cannot be made here, or null. */
export function missingPromptTools(): string | null {
  if (!fs.existsSync(ESPEAK_BIN)) return `espeak-ng not installed (${ESPEAK_BIN})`;
  if (!fs.existsSync(SOX_BIN)) return `sox not installed (${SOX_BIN})`;
  return null;
}

/**
 * Writes every prompt missing or out of date into `dir` (a prompt is remade when its text changes: the file name of
 * the text's hash is kept beside it). Resolves with the absolute path of each prompt.
 */
export async function ensurePrompts(dir: string): Promise<Record<string, string>> {
  const missing = missingPromptTools();
  if (missing) throw new Error(missing);
  fs.mkdirSync(dir, { recursive: true });
  const texts = promptTexts();
  const out: Record<string, string> = {};
  const todo = Object.entries(texts);
  const worker = async () => {
    for (let item = todo.shift(); item; item = todo.shift()) {
      const [name, text] = item;
      const file = path.join(dir, `${name}.wav`);
      const stamp = path.join(dir, `${name}.sha1`);
      const hash = crypto.createHash('sha1').update(text).digest('hex');
      out[name] = file;
      if (fs.existsSync(file) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) continue;
      const raw = path.join(dir, `${name}.raw-${process.pid}.wav`);
      try {
        await run(ESPEAK_BIN, ['-v', 'cmn', '-s', '175', '-w', raw, text]);
        // 8 kHz mono 16-bit: what a telephone line carries; rtpengine encodes it to the caller's codec (G.711 …).
        await run(SOX_BIN, [raw, '-r', '8000', '-c', '1', '-b', '16', file, 'gain', '-n', '-3']);
        fs.writeFileSync(stamp, hash);
      } finally {
        fs.rmSync(raw, { force: true });
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}
