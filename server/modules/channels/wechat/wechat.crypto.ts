/**
 * The WeChat official account message protocol (消息加解密): SHA-1 signatures over the sorted token, timestamp, nonce
 * (and, in safe mode, the ciphertext), and AES-256-CBC with the EncodingAESKey, IV = the key's first 16 bytes, PKCS#7
 * padding to 32-byte blocks, plaintext = 16 random bytes + 4-byte big-endian length + message + AppID.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BLOCK = 32;

/** sha1 of the parts sorted as strings and joined. */
export function wechatSignature(...parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

export function isSignatureValid(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The 32-byte AES key from the 43-character EncodingAESKey. */
export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('WECHAT_AES_KEY must be the 43-character EncodingAESKey');
  return key;
}

export function encryptMessage(key: Buffer, appId: string, message: string, random: Buffer = randomBytes(16)): string {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** The message and the AppID it was sealed for; throws on bad padding, length or AppID. */
export function decryptMessage(key: Buffer, appId: string, encrypted: string): string {
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new Error('ciphertext is not a whole number of AES blocks');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > BLOCK) throw new Error('bad PKCS#7 padding');
  const unpadded = plain.subarray(0, plain.length - pad);
  if (unpadded.length < 20) throw new Error('plaintext too short');
  const length = unpadded.readUInt32BE(16);
  if (20 + length > unpadded.length) throw new Error('message length beyond the plaintext');
  const message = unpadded.subarray(20, 20 + length).toString('utf8');
  const sealedFor = unpadded.subarray(20 + length).toString('utf8');
  if (sealedFor !== appId) throw new Error(`message sealed for another AppID (${sealedFor})`);
  return message;
}
