import { describe, expect, it } from 'vitest';
import { aesKeyOf, decryptMessage, encryptMessage, isSignatureValid, wechatSignature } from './wechat.crypto.ts';

// The published sample of the message encryption protocol (WXBizMsgCrypt): key, AppID, random string and ciphertext.
const SAMPLE = {
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  message: '我是中文abcd123',
  encrypted: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};

describe('WeChat message crypto', () => {
  const key = aesKeyOf(SAMPLE.encodingAesKey);

  it('encrypts the published sample to its published ciphertext and back', () => {
    expect(encryptMessage(key, SAMPLE.appId, SAMPLE.message, Buffer.from(SAMPLE.random))).toBe(SAMPLE.encrypted);
    expect(decryptMessage(key, SAMPLE.appId, SAMPLE.encrypted)).toBe(SAMPLE.message);
  });

  it('refuses a message sealed for another AppID, or tampered with', () => {
    expect(() => decryptMessage(key, 'wx0000000000000000', SAMPLE.encrypted)).toThrow(/another AppID/);
    expect(() => decryptMessage(key, SAMPLE.appId, 'AAAA')).toThrow(/AES blocks/);
    const flipped = Buffer.from(SAMPLE.encrypted, 'base64');
    flipped[flipped.length - 1] ^= 0xff;
    expect(() => decryptMessage(key, SAMPLE.appId, flipped.toString('base64'))).toThrow();
  });

  it('signs the sorted parts with SHA-1 and compares in constant time', () => {
    const sig = wechatSignature('token', '1409304348', 'xxxxxx');
    expect(sig).toBe(wechatSignature('xxxxxx', 'token', '1409304348'));
    expect(sig).toMatch(/^[0-9a-f]{40}$/);
    expect(isSignatureValid(sig, sig.toUpperCase())).toBe(true);
    expect(isSignatureValid(sig, sig.replace(/.$/, '0'))).toBe(sig.endsWith('0'));
    expect(isSignatureValid(sig, undefined)).toBe(false);
  });

  it('insists on a 43-character EncodingAESKey', () => {
    expect(() => aesKeyOf('short')).toThrow(/43-character/);
  });
});
