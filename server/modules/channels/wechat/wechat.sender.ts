/** Messages to WeChat users through the official account API: customer-service text, or a template message for notices. */
import type { ChannelSender } from '../../contacts/contacts.service.ts';

export interface WechatSenderOptions {
  apiBaseUrl: string;
  appId: string;
  appSecret: string;
  templateId?: string;
  timeoutMs?: number;
}

export function createWechatSender(o: WechatSenderOptions): ChannelSender {
  let token: { value: string; expiresAt: number } | null = null;
  const base = o.apiBaseUrl.replace(/\/$/, '');
  const timeout = () => AbortSignal.timeout(o.timeoutMs ?? 10_000);

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    const url = `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(o.appId)}&secret=${encodeURIComponent(o.appSecret)}`;
    const body = (await (await fetch(url, { signal: timeout() })).json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token) throw new Error(`WeChat token refused: ${body.errcode} ${body.errmsg}`);
    // renewed five minutes early, as the token may be replaced any time near its end
    token = { value: body.access_token, expiresAt: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }

  async function post(path: string, payload: unknown) {
    const res = await fetch(`${base}${path}?access_token=${encodeURIComponent(await accessToken())}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: timeout(),
    });
    const body = (await res.json()) as { errcode?: number; errmsg?: string; msgid?: number };
    if (body.errcode === 40001 || body.errcode === 42001) token = null; // expired or replaced: fetch anew on the retry
    if (!res.ok || (body.errcode ?? 0) !== 0) throw new Error(`WeChat ${path} answered ${res.status} ${body.errcode} ${body.errmsg}`);
    return body;
  }

  return {
    async send(message) {
      const isNotice = message.kind.startsWith('notice_') || message.kind === 'callback_survey';
      if (isNotice && o.templateId) {
        const body = await post('/cgi-bin/message/template/send', {
          touser: message.address,
          template_id: o.templateId,
          data: { content: { value: message.body } },
        });
        return { externalId: body.msgid ? String(body.msgid) : null };
      }
      await post('/cgi-bin/message/custom/send', { touser: message.address, msgtype: 'text', text: { content: message.body } });
      return { externalId: null };
    },
  };
}
