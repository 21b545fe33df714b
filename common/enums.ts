/** Shared vocabularies. Values are stored in the database as these strings. */

export const ROLES = [
  'agent', // 话务员: intake and direct answers
  'dispatcher', // 派单员
  'handler', // 承办人, belongs to a unit
  'unit_admin', // 单位管理员: sees its unit and sub-units
  'supervisor', // 督办员
  'callback_agent', // 回访质检员
  'leader', // 领导: read-only dashboards
  'admin', // 系统管理员
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work inside the hotline center rather than in a handling unit. */
export const CENTER_ROLES: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'leader', 'admin'];
export const UNIT_ROLES: readonly Role[] = ['handler', 'unit_admin'];
/** Roles allowed to see full phone numbers (every read is audited). */
export const UNMASKED_PHONE_ROLES: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'callback_agent', 'admin'];

export const CHANNELS = ['phone', 'web', 'sms', 'wechat', 'weibo', 'mailbox', 'people_cn', 'app', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TICKET_TYPES = ['inquiry', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const UNIT_KINDS = ['center', 'department', 'district', 'street', 'community', 'utility', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const REGION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const CALLBACK_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

export const EMERGENCY_LINES = ['110', '119', '120', '122'] as const;
export type EmergencyLine = (typeof EMERGENCY_LINES)[number];

/** SLA state of an open order, maintained by the mark-overdue-orders job. */
export const SLA_STATES = ['normal', 'at_risk', 'overdue'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const ASSIGNMENT_ROLES = ['lead', 'co'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const ASSIGNMENT_STATUSES = ['pending_sign', 'signed', 'returned', 'objected', 'replied', 'withdrawn', 'done'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const SUPERVISION_KINDS = ['supervise', 'urge', 'leader_instruction', 'auto_reminder'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export const LABELS_ZH = {
  channel: {
    phone: '电话',
    web: '网站',
    sms: '短信',
    wechat: '微信',
    weibo: '微博',
    mailbox: '市长信箱',
    people_cn: '人民网留言板',
    app: 'APP',
    open311: 'Open311',
  },
  type: { inquiry: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' },
  urgency: { normal: '一般', urgent: '紧急' },
  callback: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', unreachable: '未联系上' },
} as const;

/** Role names for the admin screens and the roles API. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  agent: { zh: '话务员', en: 'Call agent' },
  dispatcher: { zh: '派单员', en: 'Dispatcher' },
  handler: { zh: '承办人', en: 'Case handler' },
  unit_admin: { zh: '单位管理员', en: 'Unit administrator' },
  supervisor: { zh: '督办员', en: 'Supervisor' },
  callback_agent: { zh: '回访质检员', en: 'Callback and quality agent' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '系统管理员', en: 'System administrator' },
};

/** Languages the citizen portal speaks; an order keeps the one its citizen wrote in. */
export const PORTAL_LANGUAGES = ['zh', 'en', 'ko', 'ja'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];
