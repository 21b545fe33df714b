/**
 * What citizens are told, in every language of the citizen portal (zh, en, ko, ja), in one table: the body that goes by
 * SMS, WeChat (text, or a template message's content) and e-mail, and the e-mail subject when there is no letter to answer.
 * Placeholders: {contactId}, {number}, {trackUrl}; every language of a kind uses the same ones (notices.test.ts checks).
 */
import { PORTAL_LANGUAGES, type PortalLanguage } from '../../../common/enums.ts';

export const NOTICE_KINDS = [
  'acknowledgement',
  'follow_up',
  'notice_accepted',
  'notice_completed',
  'callback_survey',
  'survey_thanks',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export interface NoticeValues {
  contactId?: number;
  number?: string;
  trackUrl?: string;
}

export const NOTICE_TEXTS: Record<NoticeKind, Record<PortalLanguage, { subject: string; body: string }>> = {
  acknowledgement: {
    zh: { subject: '12345市长信箱：来信已收到', body: '【12345】您的留言已收到（编号 C{contactId}），我们将尽快答复。' },
    en: {
      subject: "12345 Mayor's Mailbox: your message is received",
      body: '[12345] We have received your message (no. C{contactId}) and will answer soon.',
    },
    ko: {
      subject: '12345 시장 메일함: 메시지 접수 안내',
      body: '[12345] 메시지를 접수했습니다(번호 C{contactId}). 신속히 답변드리겠습니다.',
    },
    ja: {
      subject: '12345市長メールボックス：受付のお知らせ',
      body: '【12345】メッセージを受け付けました（番号 C{contactId}）。できるだけ早く回答いたします。',
    },
  },
  follow_up: {
    zh: {
      subject: '12345市长信箱：来信已补充到工单',
      body: '【12345】您的留言已收到，已补充到工单 {number}，承办单位将一并办理。进度：{trackUrl}',
    },
    en: {
      subject: "12345 Mayor's Mailbox: your message is added to your order",
      body: '[12345] We have received your message and added it to order {number} for the unit handling it. Progress: {trackUrl}',
    },
    ko: {
      subject: '12345 시장 메일함: 민원에 메시지 추가',
      body: '[12345] 메시지를 접수하여 민원 {number}에 추가했습니다. 담당 기관이 함께 처리합니다. 진행 상황: {trackUrl}',
    },
    ja: {
      subject: '12345市長メールボックス：案件への追加のお知らせ',
      body: '【12345】メッセージを受け付け、案件 {number} に追加しました。担当部署があわせて対応します。進捗：{trackUrl}',
    },
  },
  notice_accepted: {
    zh: {
      subject: '12345市长信箱：您的诉求已受理',
      body: '【12345】您的诉求已受理，工单号 {number}，可凭手机号后四位查询进度：{trackUrl}',
    },
    en: {
      subject: "12345 Mayor's Mailbox: your request is accepted",
      body: '[12345] Your request is accepted as order {number}. Track it with the last four digits of your phone: {trackUrl}',
    },
    ko: {
      subject: '12345 시장 메일함: 민원 접수 안내',
      body: '[12345] 민원이 접수되었습니다. 접수번호 {number}. 휴대전화 번호 뒤 4자리로 진행 상황을 조회할 수 있습니다: {trackUrl}',
    },
    ja: {
      subject: '12345市長メールボックス：受理のお知らせ',
      body: '【12345】ご要望を受理しました。受付番号 {number}。携帯電話番号の下4桁で進捗を確認できます：{trackUrl}',
    },
  },
  notice_completed: {
    zh: { subject: '12345市长信箱：您的诉求已办结', body: '【12345】您的工单 {number} 已办理完毕，感谢您的支持。详情：{trackUrl}' },
    en: {
      subject: "12345 Mayor's Mailbox: your request has been handled",
      body: '[12345] Your order {number} has been handled. Thank you. Details: {trackUrl}',
    },
    ko: {
      subject: '12345 시장 메일함: 민원 처리 완료 안내',
      body: '[12345] 민원 {number}의 처리가 완료되었습니다. 협조해 주셔서 감사합니다. 상세: {trackUrl}',
    },
    ja: {
      subject: '12345市長メールボックス：対応完了のお知らせ',
      body: '【12345】案件 {number} の対応が完了しました。ご協力ありがとうございました。詳細：{trackUrl}',
    },
  },
  callback_survey: {
    zh: {
      subject: '12345市长信箱：请评价办理结果',
      body: '【12345】您的工单 {number} 已答复。请回复数字评价：1 满意，2 基本满意，3 不满意。',
    },
    en: {
      subject: "12345 Mayor's Mailbox: please rate how your request was handled",
      body: '[12345] Your order {number} has been answered. Please reply 1 satisfied, 2 basically satisfied, 3 unsatisfied.',
    },
    ko: {
      subject: '12345 시장 메일함: 처리 결과 평가 요청',
      body: '[12345] 민원 {number}에 대한 답변이 완료되었습니다. 숫자로 회신해 평가해 주세요: 1 만족, 2 대체로 만족, 3 불만족.',
    },
    ja: {
      subject: '12345市長メールボックス：対応結果の評価のお願い',
      body: '【12345】案件 {number} への回答が完了しました。数字で返信して評価してください：1 満足、2 おおむね満足、3 不満。',
    },
  },
  survey_thanks: {
    zh: { subject: '12345市长信箱：感谢您的评价', body: '【12345】感谢您对工单 {number} 的评价。' },
    en: { subject: "12345 Mayor's Mailbox: thank you for your rating", body: '[12345] Thank you for rating order {number}.' },
    ko: { subject: '12345 시장 메일함: 평가 감사 인사', body: '[12345] 민원 {number}에 대해 평가해 주셔서 감사합니다.' },
    ja: { subject: '12345市長メールボックス：ご評価のお礼', body: '【12345】案件 {number} をご評価いただき、ありがとうございました。' },
  },
};

/**
 * The portal language to write in for an order's or a citizen's language (a BCP 47 tag: zh-HK, yue, ko-KR…):
 * Chinese for any Chinese, Korean and Japanese as such, English for every other language; Chinese when unknown.
 */
export function noticeLanguageOf(language: string | null | undefined): PortalLanguage {
  const primary = (language ?? '').trim().toLowerCase().split('-')[0];
  if (!primary || primary === 'zh' || primary === 'yue') return 'zh';
  return (PORTAL_LANGUAGES as readonly string[]).includes(primary) ? (primary as PortalLanguage) : 'en';
}

/** The placeholders a text uses, sorted. */
export const placeholdersOf = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

function fill(text: string, values: NoticeValues): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (values as Record<string, unknown>)[name];
    if (value === undefined || value === null) throw new Error(`notice text needs {${name}}`);
    return String(value);
  });
}

/** The notice's body and e-mail subject in the language given (an order's or citizen's language). */
export function noticeOf(kind: NoticeKind, values: NoticeValues, language: string | null | undefined) {
  const texts = NOTICE_TEXTS[kind][noticeLanguageOf(language)];
  return { subject: fill(texts.subject, values), body: fill(texts.body, values) };
}

/** {trackUrl}: where the citizen follows the order on the portal. */
export const trackUrlOf = (publicBaseUrl: string, number: string) =>
  `${publicBaseUrl.replace(/\/$/, '')}/portal?tab=track&number=${encodeURIComponent(number)}`;
