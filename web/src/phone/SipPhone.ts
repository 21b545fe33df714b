/**
 * The browser phone: JsSIP over WebSocket to Kamailio, WebRTC audio through rtpengine. It owns the SIP
 * sessions and the audio elements, and reports every change as a PhoneEvent (phoneModel.ts) to its listener.
 * Two lines at most: the citizen (main) and a consultation (consulted transfer or three-way call).
 */
import JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { RTCSessionEvent, UA } from 'jssip/lib/UA';
import type { PhoneEvent } from './phoneModel.ts';
import { sipUri } from './phoneModel.ts';
import type { PhoneConfig } from '../api/telephony.ts';

const MEDIA: MediaStreamConstraints = { audio: true, video: false };
/** Browsers reach rtpengine directly on the LAN; no STUN/TURN server is needed or contacted. */
const PC_CONFIG: RTCConfiguration = { iceServers: [] };

interface Line {
  session: RTCSession;
  audio: HTMLAudioElement;
}

export class SipPhone {
  private ua: UA | null = null;
  private lines = new Map<string, Line>();
  private mainId: string | null = null;
  private consultId: string | null = null;
  private mixer: { context: AudioContext; restore: () => void } | null = null;

  private isStopped = false;
  private readonly emit: (event: PhoneEvent) => void;

  constructor(
    readonly config: PhoneConfig,
    emit: (event: PhoneEvent) => void,
  ) {
    // A stopped phone says nothing more: its late events must not overwrite those of the phone that replaced it.
    this.emit = (event) => {
      if (!this.isStopped) emit(event);
    };
  }

  start() {
    const { wsUrl, sipDomain, extension, username, password } = this.config;
    if (!wsUrl || !sipDomain || !extension || !username || !password) {
      this.emit({ type: 'registration', state: 'failed', error: 'incomplete phone settings' });
      return;
    }
    this.emit({ type: 'registration', state: 'connecting' });
    const ua = new JsSIP.UA({
      uri: `sip:${extension}@${sipDomain}`,
      authorization_user: username,
      password,
      sockets: [new JsSIP.WebSocketInterface(wsUrl)],
      register: true,
      register_expires: 300,
      session_timers: false,
      user_agent: 'Lianxin desk (JsSIP)',
    });
    ua.on('registered', () => this.emit({ type: 'registration', state: 'registered' }));
    ua.on('unregistered', () => this.emit({ type: 'registration', state: 'off' }));
    ua.on('registrationFailed', (e: { cause?: string }) => this.emit({ type: 'registration', state: 'failed', error: e.cause ?? null }));
    ua.on('disconnected', () => this.emit({ type: 'registration', state: 'connecting' }));
    ua.on('newRTCSession', (e: RTCSessionEvent) => {
      if (e.originator === 'remote')
        this.onIncoming(e.session, e.request.getHeader('Call-ID'), e.request.from.display_name || e.request.from.uri.user || '');
    });
    this.ua = ua;
    ua.start();
  }

  /** Unregisters and closes the socket; live calls are hung up first. */
  stop() {
    this.isStopped = true;
    for (const line of this.lines.values()) {
      try {
        line.session.terminate();
      } catch {
        /* already over */
      }
    }
    this.ua?.stop();
    this.ua = null;
  }

  private onIncoming(session: RTCSession, callId: string, remote: string) {
    if (this.mainId && this.lines.has(this.mainId)) {
      // One citizen at a time: the ACD never offers a second call to a busy agent; anything else is refused.
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    this.track(session, callId, false);
    this.mainId = callId;
    this.emit({ type: 'incoming', id: callId, remote, at: Date.now() });
  }

  /** Wires a session's events and audio; `isConsult` marks the second line. */
  private track(session: RTCSession, id: string, isConsult: boolean) {
    const audio = new Audio();
    audio.autoplay = true;
    audio.dataset.line = isConsult ? 'consult' : 'main';
    const attach = (pc: RTCPeerConnection) => {
      pc.addEventListener('track', (ev) => {
        audio.srcObject = ev.streams[0] ?? new MediaStream([ev.track]);
        void audio.play().catch(() => undefined);
      });
    };
    if (session.connection) attach(session.connection);
    else session.on('peerconnection', (e) => attach(e.peerconnection));
    session.on('confirmed', () => this.emit({ type: 'answered', id, at: Date.now() }));
    session.on('hold', (e) => {
      if (e.originator === 'local') this.emit({ type: 'held', id, isHeld: true });
    });
    session.on('unhold', (e) => {
      if (e.originator === 'local') this.emit({ type: 'held', id, isHeld: false });
    });
    session.on('muted', () => this.emit({ type: 'muted', id, isMuted: true }));
    session.on('unmuted', () => this.emit({ type: 'muted', id, isMuted: false }));
    const finish = (cause: string | null) => {
      audio.srcObject = null;
      this.lines.delete(id);
      if (this.mixer && (id === this.mainId || id === this.consultId)) this.stopMixing();
      if (this.consultId === id) this.consultId = null;
      else if (this.mainId === id) {
        this.mainId = this.consultId;
        this.consultId = null;
      }
      this.emit({ type: 'ended', id, cause, at: Date.now() });
    };
    session.on('ended', (e) => finish(e.cause ?? null));
    session.on('failed', (e) => finish(e.cause ?? null));
    this.lines.set(id, { session, audio });
  }

  private line(which: 'main' | 'consult'): Line | null {
    const id = which === 'main' ? this.mainId : this.consultId;
    return id ? (this.lines.get(id) ?? null) : null;
  }

  /** The SIP Call-ID of the citizen's line, if any. */
  get mainCallId(): string | null {
    return this.mainId;
  }

  answer() {
    const line = this.line('main');
    if (line && !line.session.isEstablished()) line.session.answer({ mediaConstraints: MEDIA, pcConfig: PC_CONFIG });
  }

  /** Hangs up one line (the consultation when it exists and `which` says so), or the citizen. */
  hangup(which: 'main' | 'consult' = 'main') {
    this.line(which)?.session.terminate();
  }

  /** Calls a number: a new main line, or with `isConsult` a consultation while the citizen is put on hold. */
  dial(number: string, isConsult = false): string {
    if (!this.ua || !this.config.sipDomain) throw new Error('phone not registered');
    if (isConsult) {
      const main = this.line('main');
      if (!main) throw new Error('no call to consult from');
      if (!main.session.isOnHold().local) main.session.hold();
    }
    const session = this.ua.call(sipUri(number, this.config.sipDomain), { mediaConstraints: MEDIA, pcConfig: PC_CONFIG });
    // JsSIP keeps the INVITE it sent; its Call-ID is what the server records the call under.
    const id = (session as unknown as { _request?: { call_id?: string } })._request?.call_id ?? session.id;
    this.track(session, id, isConsult);
    if (isConsult) this.consultId = id;
    else this.mainId = id;
    this.emit({ type: 'outgoing', id, remote: number, at: Date.now(), isConsult });
    return id;
  }

  toggleHold(which: 'main' | 'consult' = 'main') {
    const line = this.line(which);
    if (!line) return;
    if (line.session.isOnHold().local) line.session.unhold();
    else line.session.hold();
  }

  toggleMute(which: 'main' | 'consult' = 'main') {
    const line = this.line(which);
    if (!line) return;
    if (line.session.isMuted().audio) line.session.unmute({ audio: true });
    else line.session.mute({ audio: true });
  }

  /** DTMF in the media (RFC 4733 through rtpengine), as a desk phone would send it. */
  sendDtmf(tone: string) {
    const id = this.consultId ?? this.mainId;
    const line = id ? this.lines.get(id) : null;
    line?.session.sendDTMF(tone, { transportType: 'RFC2833' as never, duration: 120, interToneGap: 80 });
  }

  /** 盲转: REFER the citizen to a number; the phone's part ends when the transfer is accepted. */
  blindTransfer(number: string) {
    const main = this.line('main');
    if (!main || !this.config.sipDomain) throw new Error('no call to transfer');
    main.session.refer(sipUri(number, this.config.sipDomain));
  }

  /** 咨询转: after consulting, join the citizen to the consulted party (REFER with Replaces) and leave. */
  completeConsultedTransfer() {
    const main = this.line('main');
    const consult = this.line('consult');
    if (!main || !consult || !this.config.sipDomain) throw new Error('no consultation to complete');
    if (this.mixer) this.stopMixing();
    const target = consult.session.remote_identity.uri;
    main.session.refer(target, { replaces: consult.session });
  }

  /** Back to the citizen: the consultation ends and the citizen is taken off hold. */
  cancelConsultation() {
    this.hangup('consult');
    const main = this.line('main');
    if (main?.session.isOnHold().local) main.session.unhold();
  }

  /**
   * 三方通话: the browser mixes the three voices. Each remote party is sent the agent's microphone plus the other
   * party's voice (Web Audio), so the citizen, the agent and the outside party all hear each other.
   */
  async startConference() {
    const main = this.line('main');
    const consult = this.line('consult');
    if (!main || !consult || this.mixer) return;
    if (main.session.isOnHold().local)
      await new Promise<void>((resolve) => {
        main.session.unhold({}, resolve);
      });
    const context = new AudioContext();
    const micTrack = senderTrack(main.session.connection);
    const remoteOf = (line: Line) => line.audio.srcObject as MediaStream | null;
    const mainRemote = remoteOf(main);
    const consultRemote = remoteOf(consult);
    if (!micTrack || !mainRemote || !consultRemote) {
      await context.close();
      throw new Error('audio not ready for a three-way call');
    }
    const mic = context.createMediaStreamSource(new MediaStream([micTrack]));
    const fromMain = context.createMediaStreamSource(mainRemote);
    const fromConsult = context.createMediaStreamSource(consultRemote);
    const toMain = context.createMediaStreamDestination();
    const toConsult = context.createMediaStreamDestination();
    mic.connect(toMain);
    fromConsult.connect(toMain);
    mic.connect(toConsult);
    fromMain.connect(toConsult);
    const mainSender = audioSender(main.session.connection);
    const consultSender = audioSender(consult.session.connection);
    const mainOriginal = mainSender?.track ?? null;
    const consultOriginal = consultSender?.track ?? null;
    await mainSender?.replaceTrack(toMain.stream.getAudioTracks()[0]);
    await consultSender?.replaceTrack(toConsult.stream.getAudioTracks()[0]);
    this.mixer = {
      context,
      restore: () => {
        void mainSender?.replaceTrack(mainOriginal).catch(() => undefined);
        void consultSender?.replaceTrack(consultOriginal).catch(() => undefined);
      },
    };
    this.emit({ type: 'conference', isConference: true });
  }

  private stopMixing() {
    if (!this.mixer) return;
    this.mixer.restore();
    void this.mixer.context.close().catch(() => undefined);
    this.mixer = null;
    this.emit({ type: 'conference', isConference: false });
  }
}

function audioSender(pc: RTCPeerConnection | undefined): RTCRtpSender | null {
  return pc?.getSenders().find((s) => s.track?.kind === 'audio' || s.track === null) ?? null;
}

function senderTrack(pc: RTCPeerConnection | undefined): MediaStreamTrack | null {
  return audioSender(pc)?.track ?? null;
}
