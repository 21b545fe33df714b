/** Shapes of the API's responses, as the contract in the tickets, orgs and knowledge modules gives them. */
import type { CallbackResult, Channel, Role, TicketType, Urgency } from '../../../common/enums.ts';
import type { TicketAction, TicketStatus } from '../../../common/ticket-lifecycle.ts';

export type Bilingual = { zh: string; en: string };

export interface Me {
  kind: 'user' | 'api_key' | 'system' | 'public';
  userId: number | null;
  displayName: string;
  role: Role | null;
  unitId: number | null;
  csrfToken: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface TicketSummary {
  id: number;
  number: string;
  channel: Channel;
  type: TicketType;
  urgency: Urgency;
  title: string;
  status: TicketStatus;
  statusLabel: Bilingual;
  categoryId: number | null;
  categoryName: string | null;
  regionId: number | null;
  regionName: string | null;
  leadUnitId: number | null;
  leadUnitName: string | null;
  citizenPhone: string | null;
  slaState: 'normal' | 'at_risk' | 'overdue';
  signDueAt: string | null;
  handleDueAt: string | null;
  callbackDueAt?: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt?: string | null;
  isRepeat: boolean;
  hasLeaderInstruction: boolean;
  isConfidential?: boolean;
  version: number;
}

export interface Assignment {
  id: number;
  unitId: number;
  unitName: string;
  role: 'lead' | 'co';
  status: string;
  parentAssignmentId?: number | null;
  createdAt?: string;
  signDueAt: string | null;
  handleDueAt: string | null;
  signedAt: string | null;
  reason: string | null;
}

export interface TicketEvent {
  id: number;
  action: string;
  actionLabel: Bilingual;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  actorName: string | null;
  actorUnitName: string | null;
  unitName: string | null;
  note: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface Reply {
  id: number;
  unitId: number;
  unitName: string;
  content: string;
  status: 'submitted' | 'accepted' | 'rejected';
  reviewNote: string | null;
  createdAt: string;
  attachments?: AttachmentInfo[];
}

export interface AttachmentInfo {
  id: number;
  filename: string;
  mimeType: string;
  sizeBytes: number;
}

export interface TicketDetail extends TicketSummary {
  content: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  /** The language the citizen wrote in: zh, en, ko or ja. */
  language: string;
  citizen: { id: number; name: string | null; phone: string | null; isConfidential: boolean } | null;
  assignments: Assignment[];
  events: TicketEvent[];
  replies: Reply[];
  callbacks: { id: number; result: CallbackResult; isResolved: boolean | null; note: string | null; createdAt: string }[];
  extensions: { id: number; requestedDays: number; reason: string; status: string; decisionNote?: string | null; createdAt: string }[];
  objections: { id: number; reason: string; status: string; suggestedUnitId?: number | null; createdAt: string }[];
  supervisions: { id: number; kind: string; content: string; unitId?: number | null; dueAt?: string | null; createdAt: string }[];
  /** replyId: the reply a file came with; null for the order's own files */
  attachments: (AttachmentInfo & { replyId: number | null })[];
  knowledgeItemIds: number[];
  mergedIntoId: number | null;
  mergedTicketIds?: number[];
  reopenCount?: number;
  returnCount?: number;
  resolution?: string | null;
  satisfaction: CallbackResult | null;
  citizenRating: number | null;
  availableActions: TicketAction[];
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  regionId: number | null;
  isActive?: boolean;
  phone?: string | null;
  peerGroup?: string;
}

export interface Region {
  id: number;
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parentId: number | null;
  aliases?: string[];
  geo?: { lng: number; lat: number } | null;
  children?: Region[];
}

/** A possible duplicate (POST /api/v1/insight/duplicates): why it looks like the same problem. */
export interface SimilarTicket {
  ticketId: number;
  number: string;
  title: string;
  status: TicketStatus;
  createdAt: string;
  /** 0–1: how likely it is the same problem. */
  score: number;
  similarity: number;
  reasons: ('same_citizen' | 'same_place' | 'same_region' | 'similar_text' | 'near_copy')[];
  sharedPlaces: string[];
  /** 重复件: the same citizen again about the same problem. */
  isRepeat: boolean;
  shouldMerge: boolean;
}

export interface DispatchCandidate {
  unitId: number;
  unitCode: string;
  unitName: string;
  unitKind: string;
  regionName: string | null;
  note: string | null;
  isParentCategory: boolean;
}

export interface Category {
  id: number;
  code?: string;
  name: string;
  level: number;
  parentId: number | null;
  pathName?: string;
  isActive?: boolean;
  children?: Category[];
}

export interface KnowledgeSummary {
  id: number;
  title: string;
  categoryId: number | null;
  categoryPathName: string | null;
  unitId: number | null;
  unitName: string | null;
  keywords: string[];
  validFrom: string | null;
  validTo: string | null;
  isPublished: boolean;
  isValid: boolean;
  useCount: number;
  updatedAt: string;
  excerpt: string;
  rank: number | null;
}

export interface KnowledgeItem extends Omit<KnowledgeSummary, 'excerpt' | 'rank'> {
  content: string;
  createdAt: string;
}

export interface CitizenLookup {
  citizen: { id: number; phone: string; name: string | null; isConfidential: boolean } | null;
  tickets: TicketSummary[];
  openCount?: number;
  totalCount?: number;
}

export interface PublicProgress {
  number: string;
  status: TicketStatus;
  statusLabel: Bilingual;
  type?: TicketType;
  content?: string;
  createdAt: string;
  timeline: { action?: string; label: Bilingual | string; at: string; note?: string | null }[];
  reply: { content: string; unitName?: string | null; at?: string | null } | null;
  /** Photos of the accepted reply; fetched with the same proof as the progress. */
  replyPhotos: { id: number; filename: string }[];
  rating?: number | null;
  canRate?: boolean;
}
