/** The browser desk's side of /api/v1/telephony (docs/telephony.md): shapes and calls. */
import { api } from './client.ts';

export const AGENT_STATES = ['signed_out', 'ready', 'ringing', 'talking', 'wrap_up', 'break'] as const;
export type AgentStateName = (typeof AGENT_STATES)[number];
export const QUEUES = ['general', 'ko', 'ja', 'en', 'th', 'enterprise'] as const;

export interface OutsideNumber {
  number: string;
  label: string;
}

export interface PhoneConfig {
  enabled: boolean;
  extension: string | null;
  wsUrl: string | null;
  sipDomain: string | null;
  username: string | null;
  password: string | null;
  expiresAt: string | null;
  outsideNumbers: OutsideNumber[];
  /** The queues' numbers an agent may transfer a caller to, when the server lists them (not yet: the tab stays hidden). */
  queueNumbers?: { number: string; queue: string }[];
}

/** A call linked to an order (GET /telephony/calls?ticketId=): who took it, how long, the caller's rating, a recording. */
export interface OrderCall {
  callId: string;
  direction: string;
  queue: string;
  offeredAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  talkSeconds: number;
  agentName: string | null;
  endReason: string | null;
  /** 一次一评: 1 satisfied, 2 basically satisfied, 3 unsatisfied. */
  rating: number | null;
  hasRecording: boolean;
}

export interface PopTicket {
  id: number;
  number: string;
  title: string;
  status: string;
  createdAt: string;
}

/** 来电弹屏: who is calling, before the agent answers. `from` is masked (138****0000). */
export interface CallPop {
  callId: string;
  from: string;
  queue: string;
  offeredAt?: string;
  state?: 'queued' | 'ringing' | 'talking' | 'ended';
  citizen: { id?: number; name?: string; isConfidential: boolean };
  history: PopTicket[];
  openTickets: PopTicket[];
  calls: { callId: string; offeredAt: string; answered: boolean; queue: string }[];
  ticketId?: number | null;
}

export interface AgentView {
  state: AgentStateName;
  breakReason: string | null;
  since: string;
  wrapUpUntil: string | null;
  skills: { queue: string; level: number }[];
  queues: string[];
  currentCall: CallPop | null;
}

export interface AgentRow {
  userId: number;
  name: string;
  extension: string;
  state: AgentStateName;
  breakReason: string | null;
  since: string;
  wrapUpUntil: string | null;
  currentCallId: string | null;
}

export interface Wallboard {
  waiting: number;
  longestWaitSeconds: number;
  agents: Record<AgentStateName, number>;
  today: {
    offered: number;
    answered: number;
    abandoned: number;
    answeredWithin15s: number;
    /** Of the abandoned: sent to the fallback route by the switch (Lianxin did not answer in time). */
    fallback?: number;
    answerRate: number | null;
    answerRate15s: number | null;
    avgWaitSeconds: number | null;
    avgHandleSeconds: number | null;
    ratings?: { satisfied: number; basic: number; unsatisfied: number };
    satisfactionRate?: number | null;
  };
  queues?: { queue: string; waiting: number; longestWaitSeconds: number }[];
  halfHours: { start: string; offered: number; answered: number; plannedAgents: number | null }[];
}

export type CallbackStatus = 'open' | 'claimed' | 'done';
export interface MissedCallTask {
  id: number;
  phone: string;
  callId: string;
  abandonedAt: string;
  queue: string;
  status: CallbackStatus;
  claimedBy: { id: number; name: string } | null;
  claimedAt: string | null;
  outcome: 'reached' | 'no_answer' | null;
  note: string | null;
  closedAt: string | null;
  closedReason: 'reached' | 'no_answer' | 'answered_later' | null;
}
export interface MissedCallList {
  items: MissedCallTask[];
  indicators: {
    abandoned: number;
    calledBackWithin30m: number;
    calledBackWithin24h: number;
    shareWithin30m: number | null;
    shareWithin24h: number | null;
  };
}

const base = '/api/v1/telephony';

export const telephonyApi = {
  phone: () => api.get<PhoneConfig>(`${base}/phone`),
  me: () => api.get<AgentView>(`${base}/agents/me`),
  setState: (state: 'ready' | 'break' | 'signed_out', reason?: string) =>
    api.post<AgentView>(`${base}/agents/me/state`, reason ? { state, reason } : { state }),
  agents: () => api.get<AgentRow[]>(`${base}/agents`),
  pop: (callId: string) => api.get<CallPop>(`${base}/calls/${encodeURIComponent(callId)}/pop`),
  linkTicket: (callId: string, ticketId: number) =>
    api.post<{ callId: string; ticketId: number }>(`${base}/calls/${encodeURIComponent(callId)}/ticket`, { ticketId }),
  wallboard: () => api.get<Wallboard>(`${base}/wallboard`),
  callsOfTicket: (ticketId: number) => api.get<OrderCall[]>(`${base}/calls`, { ticketId }),
  callbacks: (status: CallbackStatus) => api.get<MissedCallList>(`${base}/callbacks`, { status }),
  claim: (id: number) => api.post<MissedCallTask>(`${base}/callbacks/${id}/claim`),
  dial: (id: number) => api.post<{ number: string }>(`${base}/callbacks/${id}/dial`),
  result: (id: number, outcome: 'reached' | 'no_answer', note?: string) =>
    api.post<MissedCallTask>(`${base}/callbacks/${id}/result`, note ? { outcome, note } : { outcome }),
};

/** Where an <audio> element fetches a call's recording (every playback is audited by the server). */
export function recordingUrl(callId: string): string {
  return `${base}/calls/${encodeURIComponent(callId)}/recording`;
}
