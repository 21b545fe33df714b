import { describe, expect, it } from 'vitest';
import { PORTAL_LANGUAGES } from '../../../common/enums.ts';
import { NOTICE_KINDS, NOTICE_TEXTS, noticeLanguageOf, noticeOf, placeholdersOf } from './contacts.notices.ts';

const values = { contactId: 42, number: '20261204-00014', trackUrl: 'https://12345.example/portal?tab=track&number=20261204-00014' };

describe('notice texts', () => {
  it('has a subject and a body in every portal language for every notice kind, and nothing else', () => {
    expect(Object.keys(NOTICE_TEXTS).sort()).toEqual([...NOTICE_KINDS].sort());
    for (const kind of NOTICE_KINDS) {
      expect(Object.keys(NOTICE_TEXTS[kind]).sort(), kind).toEqual([...PORTAL_LANGUAGES].sort());
      for (const language of PORTAL_LANGUAGES) {
        expect(NOTICE_TEXTS[kind][language].subject.trim(), `${kind}.${language}.subject`).not.toBe('');
        expect(NOTICE_TEXTS[kind][language].body.trim(), `${kind}.${language}.body`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in every language of a kind', () => {
    for (const kind of NOTICE_KINDS) {
      const { zh } = NOTICE_TEXTS[kind];
      for (const language of PORTAL_LANGUAGES) {
        expect(placeholdersOf(NOTICE_TEXTS[kind][language].body), `${kind}.${language}.body`).toEqual(placeholdersOf(zh.body));
        expect(placeholdersOf(NOTICE_TEXTS[kind][language].subject), `${kind}.${language}.subject`).toEqual(placeholdersOf(zh.subject));
      }
    }
  });

  it('fills every placeholder, and refuses to send a text with one missing', () => {
    for (const kind of NOTICE_KINDS) {
      for (const language of PORTAL_LANGUAGES) {
        const { subject, body } = noticeOf(kind, values, language);
        expect(`${subject}${body}`, `${kind}.${language}`).not.toMatch(/[{}]|undefined/);
      }
    }
    expect(noticeOf('notice_accepted', values, 'ko').body).toBe(
      `[12345] 민원이 접수되었습니다. 접수번호 20261204-00014. 휴대전화 번호 뒤 4자리로 진행 상황을 조회할 수 있습니다: ${values.trackUrl}`,
    );
    expect(noticeOf('notice_completed', values, 'ja').body).toContain('案件 20261204-00014 の対応が完了しました');
    expect(() => noticeOf('notice_accepted', { number: '20261204-00014' }, 'zh')).toThrow(/\{trackUrl\}/);
  });

  it('asks for the survey answer by the digits 1, 2 and 3 in every language', () => {
    for (const language of PORTAL_LANGUAGES) {
      const { body } = noticeOf('callback_survey', values, language);
      expect(body.indexOf('1 ')).toBeLessThan(body.indexOf('2 '));
      expect(body.indexOf('2 ')).toBeLessThan(body.indexOf('3 '));
    }
  });

  it('writes Chinese for any Chinese, Korean and Japanese as such, English for other languages', () => {
    expect(['zh', 'zh-HK', 'yue', '', null, undefined].map(noticeLanguageOf)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh', 'zh']);
    expect(['ko', 'ko-KR', 'ja', 'JA-jp', 'en', 'fr', 'ru'].map(noticeLanguageOf)).toEqual(['ko', 'ko', 'ja', 'ja', 'en', 'en', 'en']);
  });
});
