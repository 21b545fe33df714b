/** WeChat's XML messages: what arrives (text, image, voice, location, events) and the passive reply. */
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ parseTagValue: false, trimValues: true, processEntities: false, htmlEntities: false });

/** The fields of the <xml> root as strings (CDATA unwrapped); throws when there is no <xml> root. */
export function parseWechatXml(xml: string): Record<string, string> {
  const doc = parser.parse(xml) as { xml?: Record<string, unknown> };
  if (!doc?.xml || typeof doc.xml !== 'object') throw new Error('no <xml> root');
  return Object.fromEntries(Object.entries(doc.xml).map(([k, v]) => [k, v === undefined || v === null ? '' : String(v)]));
}

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function textReplyXml(o: { toUser: string; fromUser: string; content: string; createTime: number }): string {
  return (
    `<xml><ToUserName>${cdata(o.toUser)}</ToUserName><FromUserName>${cdata(o.fromUser)}</FromUserName>` +
    `<CreateTime>${o.createTime}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(o.content)}</Content></xml>`
  );
}

export function encryptedEnvelopeXml(o: { encrypt: string; signature: string; timestamp: string; nonce: string }): string {
  return (
    `<xml><Encrypt>${cdata(o.encrypt)}</Encrypt><MsgSignature>${cdata(o.signature)}</MsgSignature>` +
    `<TimeStamp>${o.timestamp}</TimeStamp><Nonce>${cdata(o.nonce)}</Nonce></xml>`
  );
}

/** A user's message in the domain's words: the text an agent reads, and what only WeChat knows. */
export function contactFromMessage(m: Record<string, string>): { content: string; meta: Record<string, unknown> } | null {
  switch (m.MsgType) {
    case 'text':
      return { content: m.Content ?? '', meta: { msgType: 'text' } };
    case 'image':
      return { content: '[图片]', meta: { msgType: 'image', picUrl: m.PicUrl ?? null, mediaId: m.MediaId ?? null } };
    case 'voice':
      return {
        content: m.Recognition ? `[语音] ${m.Recognition}` : '[语音]',
        meta: { msgType: 'voice', mediaId: m.MediaId ?? null, format: m.Format ?? null },
      };
    case 'location': {
      const lat = Number(m.Location_X);
      const lng = Number(m.Location_Y);
      return {
        content: `[位置] ${m.Label ?? ''} (${lat}, ${lng})`.trim(),
        meta: { msgType: 'location', lat, lng, scale: Number(m.Scale) || null, label: m.Label ?? null },
      };
    }
    default:
      return null; // events (subscribe, menu clicks) and other types are not contacts
  }
}
