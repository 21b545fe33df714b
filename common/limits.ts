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
  pageSizeMax: 200,
  /** Deepest a list may jump by offset (beyond it, narrow the filter or walk with the cursor) */
  listOffsetMax: 100_000,
  attachmentMimeTypes: [
    'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf',
    'audio/mpeg', 'audio/wav', 'video/mp4', 'text/plain',
    'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
} as const;

/** Mainland mobile or landline with area code; digits only after normalisation. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{9,11})$/;

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s\-()+]/g, '').replace(/^86(?=1\d{10}$)/, '');
}

/** 138****5678: keeps the first three and last four digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length <= 7) return phone.replace(/\d(?=\d{2})/g, '*');
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
