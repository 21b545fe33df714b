/** Input limits shared by the API schemas and the web forms. */
export const LIMITS = {
  titleMax: 200,
  contentMax: 10_000,
  reasonMax: 2_000,
  replyMax: 10_000,
  addressMax: 300,
  nameMax: 100,
  attachmentMaxBytes: 20 * 1024 * 1024,
  attachmentsPerRequest: 9,
  /** A message board's exported list (人民网, Weibo) as imported or pulled: bytes and messages */
  boardFileMaxBytes: 20 * 1024 * 1024,
  boardFileRowsMax: 5_000,
  pageSizeMax: 200,
  /** Deepest a list may jump by offset (beyond it, narrow the filter or walk with the cursor) */
  listOffsetMax: 100_000,
  /** How much of a complaint's text the knowledge suggestions read (its start says what it is about) */
  knowledgeAboutMax: 500,
  attachmentMimeTypes: [
    'image/jpeg',
    'image/png',
    'image/gif',
    'image/webp',
    'application/pdf',
    'audio/mpeg',
    'audio/wav',
    'video/mp4',
    'text/plain',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
} as const;

/**
 * The stored form of a phone number: mainland mobiles and landlines as dialled at home (digits only, landlines with
 * their 0 area code: 13800138000, 053288881234); other countries in E.164 (+821012345678).
 */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{9,11}|\+(?!86)[1-9]\d{6,14})$/;

/**
 * One normaliser for every number we store or look up: `+86 532 8888 1234`, `0532-8888 1234`, `(0532) 88881234` and
 * `8653288881234` → 053288881234; `+86 138 0013 8000` → 13800138000; `+82 10-1234-5678`, `0082 10 1234 5678` → +821012345678.
 * Returns the input stripped of separators when it is none of these; check the result with PHONE_PATTERN.
 */
export function normalizePhone(raw: string): string {
  let s = raw
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[\s\-().\u00a0]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  const international = s.startsWith('+');
  const digits = s.replace(/^\+/, '');
  if (international && !digits.startsWith('86')) return `+${digits}`;
  if (international || /^86(1[3-9]\d{9}|[2-9]\d{8,10})$/.test(digits)) {
    const national = digits.slice(2).replace(/^0/, '');
    return /^1[3-9]\d{9}$/.test(national) ? national : `0${national}`;
  }
  return digits;
}

/** 138****5678: keeps the first three and last four digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length <= 7) return phone.replace(/\d(?=\d{2})/g, '*');
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** A blank of a reply template (答复模板) not yet filled in: three or more underscores, or two or more full-width ones. */
export const TEMPLATE_BLANK = /_{3,}|＿{2,}/;
