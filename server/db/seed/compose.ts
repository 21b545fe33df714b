/**
 * Writes an order's title, content and address, and a unit's official reply, from a scenario's
 * phrases and the shared ones. Search words are collected piece by piece: fixed phrases are
 * segmented once and cached, so 50,000 orders cost a few thousand jieba calls.
 */
import type { Channel, TicketType } from '../../../common/enums.ts';
import { segment } from '../../lib/text.ts';
import type { Community, District, Street, UnitRow } from './city.ts';
import * as P from './phrases.ts';
import type { Rng } from './prng.ts';
import type { PlaceKind, Scenario } from './scenarios.ts';

export interface Place {
  kind: Exclude<PlaceKind, 'none'>;
  name: string;
  district: District;
  street: Street;
  community: Community | null;
}

const segmentCache = new Map<string, string[]>();
function wordsOf(text: string): string[] {
  let words = segmentCache.get(text);
  if (!words) {
    words = segment(text);
    if (segmentCache.size < 200_000) segmentCache.set(text, words);
  }
  return words;
}

/** Accumulates text and its search words; placeholders are filled, and their values segmented separately. */
class Writer {
  text = '';
  readonly words: string[] = [];
  constructor(private readonly vars: (key: string) => string) {}

  add(template: string) {
    if (!template) return this;
    let plain = template;
    const filled = template.replace(/\{(\w)\}/g, (_m, key: string) => {
      const value = this.vars(key);
      for (const w of wordsOf(value)) this.words.push(w);
      return value;
    });
    if (filled !== template) plain = template.replace(/\{\w\}/g, ' ');
    for (const w of wordsOf(plain)) this.words.push(w);
    this.text += filled;
    return this;
  }
}

export interface ComposedTicket {
  title: string;
  content: string;
  address: string | null;
  words: string;
}

const TIMES = ['晚上十点以后', '凌晨', '每天傍晚', '早上六点多', '中午'];

export function composeTicket(
  rng: Rng,
  scenario: Scenario,
  place: Place | null,
  channel: Channel,
  type: TicketType,
  title?: string,
): ComposedTicket {
  const short = place?.name ?? '';
  const full = place ? `${place.district.spec.name}${place.street.region.name}${place.name}` : '';
  let placeUses = 0;
  const vars = (key: string) => {
    switch (key) {
      case 'p':
        return placeUses++ === 0 && channel === 'phone' ? full : short;
      case 'b':
        return String(rng.int(1, 28));
      case 'n':
        return String(rng.int(2, 9));
      case 't':
        return rng.pick(TIMES);
      default:
        return '';
    }
  };
  // titles are written to match the problem at the same position
  const index = rng.int(0, scenario.problems.length - 1);
  const problem = scenario.problems[index];
  const titleWriter = new Writer((key) => (key === 'p' ? short : vars(key)));
  titleWriter.add(title ?? scenario.titles[index % scenario.titles.length]);
  const body = new Writer(vars);
  if (scenario.isInvalid) {
    body.add(problem);
    return { title: titleWriter.text, content: body.text, address: null, words: [...titleWriter.words, ...body.words].join(' ') };
  }
  const mentionsPlace = problem.includes('{p}');
  const isQuestion = type === 'inquiry';
  if (channel === 'phone' || channel === 'sms') {
    const openings =
      channel === 'sms' ? (isQuestion ? P.SMS_INQUIRY_OPENINGS : P.SMS_OPENINGS) : isQuestion ? P.PHONE_INQUIRY_OPENINGS : P.PHONE_OPENINGS;
    body.add(rng.pick(openings));
    if (place && !mentionsPlace) body.add('{p}').add('，');
  } else {
    body.add(rng.pick(P.ONLINE_GREETINGS));
    if (place && !mentionsPlace && (place.kind === 'estate' || place.kind === 'village'))
      body.add(rng.pick(place.kind === 'village' ? P.VILLAGE_INTROS : P.ONLINE_INTROS) || '{p}，');
    else if (place && !mentionsPlace) body.add(rng.pick(P.ONLINE_PLACE_INTROS));
  }
  body.add(problem);
  if (!isQuestion && type !== 'praise' && type !== 'suggestion') {
    body.add(rng.pick(P.DURATIONS)).add(rng.pick(P.IMPACTS_BY_TYPE[type]));
  }
  body.add(rng.pick(P.ASKS[type]));
  if (channel !== 'phone' && channel !== 'sms') body.add(rng.pick(P.ONLINE_CLOSINGS));

  const address = place ? addressOf(rng, place) : null;
  const words = [...titleWriter.words, ...body.words, ...(address ? wordsOf(address) : [])];
  return { title: titleWriter.text, content: body.text, address, words: words.join(' ') };
}

function addressOf(rng: Rng, place: Place): string {
  const d = place.district.spec.name;
  const s = place.street.region.name;
  switch (place.kind) {
    case 'estate':
      return `${d}${s}${rng.pick(place.street.roads)}${rng.int(1, 399)}号${place.name}`;
    case 'village':
      return `${d}${s}${place.name}`;
    case 'road':
      return `${d}${place.name}${rng.int(1, 599)}号附近`;
    default:
      return `${d}${s}${place.name}`;
  }
}

const OFFSET = 8 * 3_600_000;
function localDate(t: number) {
  const d = new Date(t + OFFSET);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** The unit's official answer (办理结果), in the register of government replies. */
export function composeReply(
  rng: Rng,
  input: { scenario: Scenario; title: string; channel: Channel; type: TicketType; place: Place | null; receivedAt: number },
  unit: UnitRow,
  at: number,
): string {
  const { scenario, title, place } = input;
  const fill = (s: string) =>
    s
      .replace(/\{p\}/g, place?.name ?? '')
      .replace(/\{n\}/g, () => String(rng.int(2, 9)))
      .replace(/\{b\}/g, () => String(rng.int(1, 28)))
      .replace(/\{phone\}/g, () => `${rng.pick(P.REPLY_PHONES)}${rng.int(1000, 9999)}`);
  const salutation = rng.pick(P.REPLY_SALUTATIONS[input.channel === 'phone' || input.channel === 'sms' ? 'phone' : 'online']);
  const finding = fill(rng.pick(scenario.findings));
  const action = fill(rng.pick(scenario.actions));
  const closing = fill(rng.pick(P.REPLY_CLOSINGS));
  // a few days before the reply, but not before the order came in
  const visit = localDate(Math.max(input.receivedAt, at - rng.int(1, 3) * 86_400_000));
  const today = localDate(at);
  const signature = `（${unit.name}，${today.y}年${today.m}月${today.d}日）`;
  if (input.type === 'inquiry') {
    return `${salutation}您咨询的“${title}”问题，${unit.self}答复如下：${finding}。${action}。${closing}${signature}`;
  }
  const how = place ? '到现场进行了调查核实' : '进行了调查核实';
  return `${salutation}您反映的“${title}”问题已收悉。${unit.self}高度重视，于${visit.m}月${visit.d}日安排工作人员${how}。经核实，${finding}。${action}。${closing}${signature}`;
}

/** What the agent tells the caller from a knowledge item (直接办结). */
export function knowledgeAnswer(title: string, content: string): string {
  const sentences = content.split('。').filter(Boolean);
  return `已按知识库“${title}”答复来电人：${sentences.slice(0, 2).join('。')}。`;
}
