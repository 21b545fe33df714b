/** The browser desk's side of /api/v1/telephony (docs/telephony.md): shapes from the API's contract, and calls. */
import { api } from './client.ts';
import { everyOf, type BodyOf, type ResponseOf } from './types.ts';

const base = '/api/v1/telephony';

/** Browser phone settings and time-limited SIP credentials; `queueNumbers`: the queues an agent may transfer a caller to. */
export type PhoneConfig = ResponseOf<'/api/v1/telephony/phone'>;
export type OutsideNumber = PhoneConfig['outsideNumbers'][number];
export type AgentView = ResponseOf<'/api/v1/telephony/agents/me'>;
export type AgentStateName = AgentView['state'];
/** 来电弹屏: who is calling, before the agent answers. `from` is masked (138****0000). */
export type CallPop = ResponseOf<'/api/v1/telephony/calls/{callId}/pop'>;
export type PopTicket = CallPop['history'][number];
export type AgentRow = ResponseOf<'/api/v1/telephony/agents'>[number];
/** A call linked to an order: who took it, how long, the caller's rating (一次一评: 1 satisfied, 2 basically, 3 unsatisfied). */
export type OrderCall = ResponseOf<'/api/v1/telephony/calls'>[number];
export type Wallboard = ResponseOf<'/api/v1/telephony/wallboard'>;
export type MissedCallList = ResponseOf<'/api/v1/telephony/callbacks'>;
export type MissedCallTask = MissedCallList['items'][number];
export type CallbackStatus = MissedCallTask['status'];
type CallbackResult = BodyOf<'/api/v1/telephony/callbacks/{id}/result'>;
type Queue = BodyOf<'/api/v1/telephony/agents/{userId}/skills', 'put'>['skills'][number]['queue'];

export const AGENT_STATES = everyOf<AgentStateName>()(['signed_out', 'ready', 'ringing', 'talking', 'wrap_up', 'break']);
export const QUEUES = everyOf<Queue>()(['general', 'ko', 'ja', 'en', 'th', 'enterprise']);

export const telephonyApi = {
  phone: () => api.get<PhoneConfig>(`${base}/phone`),
  me: () => api.get<AgentView>(`${base}/agents/me`),
  setState: (state: BodyOf<'/api/v1/telephony/agents/me/state'>['state'], reason?: string) =>
    api.post<AgentView>(`${base}/agents/me/state`, reason ? { state, reason } : { state }),
  agents: () => api.get<AgentRow[]>(`${base}/agents`),
  pop: (callId: string) => api.get<CallPop>(`${base}/calls/${encodeURIComponent(callId)}/pop`),
  linkTicket: (callId: string, ticketId: number) =>
    api.post<ResponseOf<'/api/v1/telephony/calls/{callId}/ticket', 'post'>>(`${base}/calls/${encodeURIComponent(callId)}/ticket`, {
      ticketId,
    }),
  wallboard: () => api.get<Wallboard>(`${base}/wallboard`),
  callsOfTicket: (ticketId: number) => api.get<OrderCall[]>(`${base}/calls`, { ticketId }),
  callbacks: (status: CallbackStatus) => api.get<MissedCallList>(`${base}/callbacks`, { status }),
  claim: (id: number) => api.post<MissedCallTask>(`${base}/callbacks/${id}/claim`),
  dial: (id: number) => api.post<ResponseOf<'/api/v1/telephony/callbacks/{id}/dial', 'post'>>(`${base}/callbacks/${id}/dial`),
  result: (id: number, outcome: CallbackResult['outcome'], note?: string) =>
    api.post<MissedCallTask>(`${base}/callbacks/${id}/result`, note ? { outcome, note } : { outcome }),
};

/** Where an <audio> element fetches a call's recording (every playback is audited by the server). */
export function recordingUrl(callId: string): string {
  return `${base}/calls/${encodeURIComponent(callId)}/recording`;
}
