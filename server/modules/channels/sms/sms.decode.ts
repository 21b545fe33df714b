/**
 * What Kannel's smsbox passes to its sms-service URL, decoded without loss. The text arrives as raw bytes (%b), so it
 * is read from the raw query string, not through a UTF-8 query parser: a UCS-2 message that smsbox did not recode
 * would otherwise be mangled.
 */

/** The raw query string's values as bytes (a `+` is a space, as in form encoding; Kannel sends a literal + as %2B). */
export function rawQueryBytes(url: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    out.set(key, percentBytes(eq < 0 ? '' : pair.slice(eq + 1)));
  }
  return out;
}

function percentBytes(s: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '+') bytes.push(0x20);
    else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** GSM data coding as Kannel reports it (%c): 0 7-bit/text, 1 8-bit binary, 2 UCS-2. */
export type SmsCoding = 0 | 1 | 2;

export interface DecodedText {
  text: string;
  /** Why the text may not be what the citizen wrote (kept on the contact and logged); null when clean. */
  problem: string | null;
}

/**
 * The message text from its bytes, Kannel coding and charset (%C). smsbox with `mo-recode` turns UCS-2 into UTF-8
 * and says so in the charset; without it the bytes are UTF-16BE. Bytes that do not decode are replaced and reported.
 */
export function decodeSmsText(bytes: Buffer, coding: SmsCoding, charset: string): DecodedText {
  const cs = charset.trim().toUpperCase();
  if (coding === 1 && !cs) return { text: bytes.toString('latin1'), problem: '8-bit binary message read as Latin-1' };
  if (coding === 2 && (cs === '' || cs === 'UTF-16BE' || cs === 'UCS-2' || cs === 'UCS-2BE' || cs === 'UTF-16')) {
    const odd = bytes.length % 2 === 1;
    const even = odd ? bytes.subarray(0, bytes.length - 1) : bytes;
    const text = new TextDecoder('utf-16be').decode(even);
    return {
      text: odd ? `${text}\ufffd` : text,
      problem: odd ? `UCS-2 text of odd length (${bytes.length} bytes); last byte dropped` : replacementProblem(text, 'UCS-2'),
    };
  }
  if (cs === 'ISO-8859-1' || cs === 'LATIN1' || cs === 'WINDOWS-1252') return { text: bytes.toString('latin1'), problem: null };
  if (cs === 'GB2312' || cs === 'GBK' || cs === 'GB18030') {
    const text = new TextDecoder('gb18030').decode(bytes);
    return { text, problem: replacementProblem(text, cs) };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text, problem: replacementProblem(text, cs || 'UTF-8') };
}

function replacementProblem(text: string, charset: string): string | null {
  const bad = [...text].filter((c) => c === '\ufffd').length;
  return bad > 0 ? `${bad} byte sequence(s) invalid in ${charset} replaced` : null;
}

/** The concatenation header of one part of a long message (UDH IEI 0x00 or 0x08), or null. */
export function concatPartOf(udh: Buffer): { reference: number; total: number; sequence: number } | null {
  if (udh.length < 2) return null;
  let i = 1; // byte 0 is the header length
  while (i + 1 < udh.length) {
    const iei = udh[i];
    const len = udh[i + 1];
    const data = udh.subarray(i + 2, i + 2 + len);
    if (iei === 0x00 && len === 3 && data.length === 3) return { reference: data[0], total: data[1], sequence: data[2] };
    if (iei === 0x08 && len === 4 && data.length === 4) return { reference: data.readUInt16BE(0), total: data[2], sequence: data[3] };
    i += 2 + len;
  }
  return null;
}

/** Kannel DLR types (%d): 1 delivered, 2 undelivered, 4 queued at the SMSC, 8 accepted by the SMSC, 16 rejected by it. */
export function deliveryStatusOf(type: number): 'delivered' | 'failed' | 'pending' {
  if (type === 1) return 'delivered';
  if (type === 2 || type === 16) return 'failed';
  return 'pending';
}
