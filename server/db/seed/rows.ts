/** Row shapes the generator produces; times are epoch milliseconds until they are written. */
import type { TicketStatus } from '../../../common/ticket-lifecycle.ts';

export interface TicketRow {
  id: number;
  number: string;
  channel: string;
  type: string;
  urgency: string;
  title: string;
  content: string;
  categoryId: number;
  regionId: number | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  citizenLocalId: number | null;
  citizenName: string | null;
  isConfidential: boolean;
  status: TicketStatus;
  leadUnitId: number | null;
  signDueAt: number | null;
  handleDueAt: number | null;
  callbackDueAt: number | null;
  pausedAt: number | null;
  slaState: 'normal' | 'at_risk' | 'overdue';
  isRepeat: boolean;
  mergedIntoId: number | null;
  hasLeaderInstruction: boolean;
  isSupervised: boolean;
  isLegacy: boolean;
  isExcludedFromAssessment: boolean;
  satisfaction: string | null;
  citizenRating: number | null;
  reopenCount: number;
  returnCount: number;
  resolution: string | null;
  publicToken: string | null;
  createdById: number | null;
  createdAt: number;
  updatedAt: number;
  dispatchedAt: number | null;
  repliedAt: number | null;
  closedAt: number | null;
  version: number;
  /** jieba words of title, content and address, space separated, for tickets.search. */
  words: string;
}

export interface AssignmentRow {
  localId: number;
  ticketId: number;
  unitId: number;
  role: 'lead' | 'co';
  status: string;
  signDueAt: number | null;
  handleDueAt: number | null;
  signedAt: number | null;
  finishedAt: number | null;
  reason: string | null;
  createdById: number | null;
  createdAt: number;
}

export interface EventRow {
  ticketId: number;
  action: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  actorUserId: number | null;
  actorUnitId: number | null;
  unitId: number | null;
  note: string | null;
  data: Record<string, unknown>;
  createdAt: number;
  /** Generation order, to break ties between events at the same instant. */
  seq: number;
}

export interface ReplyRow {
  localId: number;
  ticketId: number;
  assignmentLocalId: number;
  unitId: number;
  authorId: number | null;
  content: string;
  status: 'submitted' | 'accepted' | 'rejected';
  reviewNote: string | null;
  reviewedById: number | null;
  reviewedAt: number | null;
  createdAt: number;
}

export interface CallbackRow {
  ticketId: number;
  result: string;
  isResolved: boolean | null;
  note: string | null;
  agentId: number | null;
  createdAt: number;
}

export interface DecisionRow {
  ticketId: number;
  assignmentLocalId: number;
  reason: string;
  status: 'pending' | 'approved' | 'denied';
  requestedById: number | null;
  decidedById: number | null;
  decisionNote: string | null;
  decidedAt: number | null;
  createdAt: number;
}
export type ExtensionRow = DecisionRow & { requestedDays: number };
export type ObjectionRow = DecisionRow & { suggestedUnitId: number | null };

export interface SupervisionRow {
  localId: number;
  ticketId: number;
  kind: 'supervise' | 'urge' | 'leader_instruction' | 'auto_reminder';
  unitId: number | null;
  content: string;
  dueAt: number | null;
  issuedById: number | null;
  createdAt: number;
}

export interface SeedOutput {
  tickets: TicketRow[];
  assignments: AssignmentRow[];
  events: EventRow[];
  replies: ReplyRow[];
  callbacks: CallbackRow[];
  extensions: ExtensionRow[];
  objections: ObjectionRow[];
  supervisions: SupervisionRow[];
  ticketKnowledge: { ticketId: number; knowledgeItemId: number }[];
}

export function emptyOutput(): SeedOutput {
  return {
    tickets: [],
    assignments: [],
    events: [],
    replies: [],
    callbacks: [],
    extensions: [],
    objections: [],
    supervisions: [],
    ticketKnowledge: [],
  };
}
