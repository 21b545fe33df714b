/**
 * One browser phone per signed-in tab: the SIP registration, the agent's ACD state (kept current by the live
 * `telephony` events), the screen pop of the call being offered or handled, and the actions the desk's buttons
 * call. Mounted once in the layout so a call survives moving between pages; the phone registers the first time a
 * page shows the phone bar. With telephony off (`enabled: false`) nothing registers and no phone is shown.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { useLiveMessages } from '../live/LiveContext.tsx';
import { initialPhoneState, isBusy, isOrderOfCall, reducePhone, type PhoneState } from './phoneModel.ts';
import type { SipPhone } from './SipPhone.ts';
import { telephonyApi, type AgentView, type CallPop, type PhoneConfig } from '../api/telephony.ts';
import { startRinging } from './ringer.ts';
import { keys } from '../api/keys.ts';

/** Roles that sit at a phone (the server gives them an extension). */
const PHONE_ROLES = ['agent', 'dispatcher', 'callback_agent', 'supervisor', 'admin'];
/** Credentials are fetched again this long before they expire. */
const RENEW_BEFORE_MS = 10 * 60_000;
const ME_KEY = keys.telephony.me;
/** Menu pages that need telephony; hidden when the server says it is off. */
export const TELEPHONY_PAGES: string[] = ['missedCalls', 'wallboard'];

export interface PhoneApi {
  config: PhoneConfig | null;
  isEnabled: boolean;
  /** The server answered that telephony is off (embedded mode): no phone, no phone pages. */
  isKnownOff: boolean;
  agent: AgentView | null;
  phone: PhoneState;
  /** The screen pop of the call being offered, handled or just wrapped up; the order created now is linked to it. */
  pop: CallPop | null;
  /** Registers the phone if it is not yet (the phone bar calls it when shown). */
  start: () => void;
  setState: (state: 'ready' | 'break' | 'signed_out', reason?: string) => Promise<void>;
  answer: () => void;
  hangup: (which?: 'main' | 'consult') => void;
  dial: (number: string, isConsult?: boolean) => boolean;
  toggleHold: () => void;
  toggleMute: () => void;
  sendDtmf: (tone: string) => void;
  blindTransfer: (number: string) => boolean;
  completeConsultedTransfer: () => void;
  cancelConsultation: () => void;
  startConference: () => Promise<void>;
  /** Links an order to the current (or just ended) call; null when there is none. */
  linkTicket: (ticketId: number) => Promise<string | null>;
  /** How many full phone bars are on screen (the floating dock shows only when none is). */
  barMounted: (delta: 1 | -1) => void;
  barCount: number;
}

const PhoneContext = createContext<PhoneApi | null>(null);

export function PhoneProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canHavePhone = !!me?.role && PHONE_ROLES.includes(me.role);
  const configQuery = useQuery({
    queryKey: keys.telephony.phone(me?.userId),
    queryFn: telephonyApi.phone,
    enabled: canHavePhone,
    staleTime: Infinity,
    retry: false,
  });
  const config = configQuery.data ?? null;
  const isEnabled = !!config?.enabled;
  const agentQuery = useQuery({
    queryKey: ME_KEY,
    queryFn: telephonyApi.me,
    enabled: isEnabled,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
  const agent = agentQuery.data ?? null;

  const [phone, dispatch] = useReducer(reducePhone, initialPhoneState);
  const [pop, setPop] = useState<CallPop | null>(null);
  const [isWanted, setWanted] = useState(false);
  const [barCount, setBarCount] = useState(0);
  const sip = useRef<SipPhone | null>(null);

  // The SIP user agent follows the credentials: a new one when they are renewed, never in the middle of a call.
  const isBusyNow = isBusy(phone);
  useEffect(() => {
    if (!isWanted || !config?.enabled || isBusyNow) return;
    if (sip.current?.config === config) return;
    let isCurrent = true;
    // JsSIP is loaded only by those who use a phone.
    void import('./SipPhone.ts').then(({ SipPhone }) => {
      if (!isCurrent || sip.current?.config === config) return;
      sip.current?.stop();
      const next = new SipPhone(config, dispatch);
      sip.current = next;
      next.start();
    });
    return () => {
      isCurrent = false;
    };
  }, [isWanted, config, isBusyNow]);
  useEffect(
    () => () => {
      sip.current?.stop();
      sip.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!config?.expiresAt) return;
    const wait = Date.parse(config.expiresAt) - Date.now() - RENEW_BEFORE_MS;
    const timer = setTimeout(() => void configQuery.refetch(), Math.max(60_000, wait));
    return () => clearTimeout(timer);
  }, [config?.expiresAt, configQuery]);

  useLiveMessages((m) => {
    if (!isEnabled) return;
    if (m.topic === 'agent.state' && m.payload) {
      queryClient.setQueryData(ME_KEY, m.payload as unknown as AgentView);
    } else if (m.topic === 'call.offered' && m.payload) {
      setPop(m.payload as unknown as CallPop);
    } else if (m.topic === 'call.answered' || m.topic === 'call.ended') {
      void queryClient.invalidateQueries({ queryKey: ME_KEY });
    }
  });

  // A reload in the middle of a call: the server still knows the call, so the pop comes back.
  useEffect(() => {
    const current = agent?.currentCall;
    if (current && current.callId !== pop?.callId) setPop(current);
  }, [agent?.currentCall, pop?.callId]);

  // The INVITE may arrive before the live event: fetch the pop by the SIP Call-ID (the server's call id).
  const ringingId = phone.main?.direction === 'incoming' && phone.main.status === 'ringing' ? phone.main.id : null;
  useEffect(() => {
    if (!ringingId || pop?.callId === ringingId) return;
    let isCurrent = true;
    telephonyApi.pop(ringingId).then(
      (p) => {
        if (isCurrent) setPop(p);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [ringingId, pop?.callId]);

  useEffect(() => {
    if (!ringingId) return;
    const stop = startRinging();
    const title = document.title;
    document.title = `☎ ${t('phone.line.ringing')} · ${title}`;
    return () => {
      stop();
      document.title = title;
    };
  }, [ringingId, t]);

  useEffect(() => {
    if (
      phone.main?.status === 'ended' &&
      phone.main.endCause &&
      !['Terminated', 'Canceled', 'BYE', 'Bye', 'Rejected'].includes(phone.main.endCause)
    ) {
      if (/media|user denied/i.test(phone.main.endCause)) message.error(t('phone.microphone', { error: phone.main.endCause }));
    }
  }, [phone.main?.status, phone.main?.endCause, message, t]);

  const guard = useCallback(
    <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A): boolean => {
        try {
          fn(...args);
          return true;
        } catch (err) {
          message.error(errorMessage(err));
          return false;
        }
      },
    [message],
  );

  const { mutateAsync: changeState } = useMutation({
    mutationFn: (input: { state: 'ready' | 'break' | 'signed_out'; reason?: string }) => telephonyApi.setState(input.state, input.reason),
    onSuccess: (view) => {
      queryClient.setQueryData(ME_KEY, view);
      message.success(t('phone.stateChanged', { state: t(`phone.state.${view.state}`) }));
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const { mutateAsync: link } = useMutation({
    mutationFn: (input: { callId: string; ticketId: number }) => telephonyApi.linkTicket(input.callId, input.ticketId),
    onSuccess: (_result, input) => void queryClient.invalidateQueries({ queryKey: keys.telephony.calls(input.ticketId) }),
  });

  const lastLinked = useRef<string | null>(null);
  const start = useCallback(() => setWanted(true), []);
  const barMounted = useCallback((delta: 1 | -1) => setBarCount((n) => n + delta), []);
  const api = useMemo<PhoneApi>(
    () => ({
      config,
      isEnabled,
      isKnownOff: config?.enabled === false,
      agent,
      phone,
      pop,
      barCount,
      start,
      setState: (state, reason) =>
        changeState({ state, reason }).then(
          () => undefined,
          () => undefined,
        ),
      answer: () => sip.current?.answer(),
      hangup: (which) => sip.current?.hangup(which),
      dial: guard((number: string, isConsult?: boolean) => {
        if (!sip.current) throw new Error(t('phone.missed.phoneOff'));
        sip.current.dial(number, isConsult);
      }),
      toggleHold: () => sip.current?.toggleHold(phone.consult ? 'consult' : 'main'),
      toggleMute: () => sip.current?.toggleMute(phone.consult ? 'consult' : 'main'),
      sendDtmf: (tone) => sip.current?.sendDtmf(tone),
      blindTransfer: guard((number: string) => {
        sip.current?.blindTransfer(number);
        message.success(t('phone.transfer.sent', { target: number }));
      }),
      completeConsultedTransfer: guard(() => sip.current?.completeConsultedTransfer()),
      cancelConsultation: () => sip.current?.cancelConsultation(),
      startConference: async () => {
        try {
          await sip.current?.startConference();
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
      linkTicket: async (ticketId) => {
        const callId = pop?.callId;
        if (!callId || lastLinked.current === `${callId}:${ticketId}` || !isOrderOfCall(phone, callId, agent?.state ?? null, Date.now()))
          return null;
        await link({ callId, ticketId });
        lastLinked.current = `${callId}:${ticketId}`;
        return callId;
      },
      barMounted,
    }),
    [config, isEnabled, agent, phone, pop, barCount, message, t, guard, start, barMounted, changeState, link],
  );

  return <PhoneContext.Provider value={api}>{children}</PhoneContext.Provider>;
}

/** The phone of this tab; null outside the signed-in layout. */
export function usePhone(): PhoneApi | null {
  return useContext(PhoneContext);
}
