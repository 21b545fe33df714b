/** The written channels' adapters: one sender per configured channel, handed to the contacts service. */
import type { Config } from '../../config.ts';
import type { ChannelSenders } from '../contacts/contacts.service.ts';
import { createKannelSender } from './sms/sms.kannel.ts';
import { createWechatSender } from './wechat/wechat.sender.ts';

export function createChannelSenders(config: Config): ChannelSenders {
  const senders: ChannelSenders = {};
  if (config.KANNEL_SENDSMS_URL) {
    const base = config.PUBLIC_BASE_URL.replace(/\/$/, '');
    senders.sms = createKannelSender({
      sendsmsUrl: config.KANNEL_SENDSMS_URL, username: config.KANNEL_USERNAME, password: config.KANNEL_PASSWORD, from: config.SMS_SERVICE_NUMBER,
      dlrUrl: config.SMS_INBOUND_SECRET ? `${base}/api/v1/channels/sms/kannel/dlr?secret=${encodeURIComponent(config.SMS_INBOUND_SECRET)}` : null,
    });
  }
  if (config.WECHAT_APP_ID && config.WECHAT_APP_SECRET) {
    senders.wechat = createWechatSender({
      apiBaseUrl: config.WECHAT_API_BASE_URL, appId: config.WECHAT_APP_ID, appSecret: config.WECHAT_APP_SECRET, templateId: config.WECHAT_TEMPLATE_ID,
    });
  }
  return senders;
}
