/**
 * `npm run telephony`: Kamailio and rtpengine for development, beside `npm start` (same environment: set
 * TELEPHONY_SECRET for both). Renders deploy/telephony/kamailio.cfg.tmpl into DATA_DIR/telephony and runs both in the
 * foreground until Ctrl-C. Browser phones connect to TELEPHONY_WS_URL; SIP phones and trunks to TELEPHONY_SIP_PORT.
 */
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { missingTelephony, startStack } from '../server/modules/telephony/sip/stack.ts';
import { freePort } from '../server/lib/ports.ts';

const config = loadConfig();
const missing = missingTelephony();
if (missing) {
  console.error(
    `缺少电话组件 Telephony components missing: ${missing}\n  apt-get install kamailio kamailio-websocket-modules kamailio-json-modules kamailio-extra-modules kamailio-utils-modules kamailio-autheph-modules rtpengine-daemon`,
  );
  process.exit(1);
}
if (!config.TELEPHONY_SECRET) {
  console.error(
    '请设置 TELEPHONY_SECRET（≥16 字符，npm start 也要同样设置）· Set TELEPHONY_SECRET (16+ characters, the same for npm start)',
  );
  process.exit(1);
}
const ws = new URL(config.TELEPHONY_WS_URL);
const listenIp = process.env.TELEPHONY_LISTEN_IP ?? '127.0.0.1';
// Lianxin talks to rtpengine (prompts) and hears its DTMF reports (ratings) on the addresses both processes read from the environment.
const ngPort = config.TELEPHONY_RTPENGINE_NG ? Number(config.TELEPHONY_RTPENGINE_NG.split(':').pop()) : await freePort();
if (!config.TELEPHONY_RTPENGINE_NG)
  console.warn(
    `TELEPHONY_RTPENGINE_NG 未设置：排队提示音与一次一评关闭 · not set: no queue prompts, no rating (rtpengine ng on 127.0.0.1:${ngPort})`,
  );
const stack = await startStack({
  listenIp,
  sipPort: config.TELEPHONY_SIP_PORT,
  wsPort: Number(ws.port || 80),
  sipDomain: config.TELEPHONY_SIP_DOMAIN,
  secret: config.TELEPHONY_SECRET,
  lianxinUrl: `http://127.0.0.1:${config.PORT}`,
  fallbackUri: config.TELEPHONY_FALLBACK_URI,
  hotline: '12345',
  rtpengineNgPort: ngPort,
  dtmfLogDest: config.TELEPHONY_DTMF_LISTEN ?? null,
  rtpPortMin: 30000,
  rtpPortMax: 30999,
  runDir: path.join(config.DATA_DIR, 'telephony'),
  recordingDir: config.recordingsDir,
  ringSeconds: 20,
  queuePollMs: 500,
  routeTimeoutSeconds: 1,
  queueMaxSeconds: config.TELEPHONY_QUEUE_TIMEOUT_SECONDS + 30,
  children: 8,
  logLevel: 2,
});
const { settings: s } = stack;
console.log(
  `Kamailio: sip:${listenIp}:${s.sipPort} (UDP/TCP), ${config.TELEPHONY_WS_URL} (WebSocket); rtpengine ng 127.0.0.1:${s.rtpengineNgPort}; Lianxin at ${s.lianxinUrl}`,
);
console.log(`Config: ${path.join(s.runDir, 'kamailio.cfg')}. Ctrl-C stops both.`);
console.log(
  `For npm start: TELEPHONY_KAMAILIO_RPC_URL=http://127.0.0.1:${s.wsPort}/RPC (calls that end while Lianxin is down are closed on its start).`,
);
stack.kamailio.stderr!.pipe(process.stderr);
stack.rtpengine.stderr!.pipe(process.stderr);
const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
stack.kamailio.once('exit', (code) => {
  console.error(`kamailio exited (${code})`);
  void stop();
});
