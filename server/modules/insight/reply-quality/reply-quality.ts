/**
 * Reply quality check (答复质量), before the centre accepts a unit's reply: relevance to the
 * request (shared key terms and the place), completeness (what was done, when, by whom, what
 * the citizen can do next — read from Chinese cue words) and form (greeting, length, no
 * placeholders, not a copy of the request). Every missing point is explained in Chinese and
 * English for the reviewer. Pure.
 */
import { segmenter } from '../../../lib/text.ts';
import { normaliseText } from '../text/features.ts';
import { findPlaceMentions, mostSpecificPlace, withoutPlaces } from '../places/places.ts';

export interface ReplyProblem {
  code: string;
  message: string;
  messageEn: string;
}

export interface ReplyQuality {
  /** 0–100. */
  score: number;
  /** 0–1 each. */
  relevance: number;
  completeness: number;
  form: number;
  checks: { hasAction: boolean; hasTime: boolean; hasActor: boolean; hasNextStep: boolean; mentionsPlace: boolean | null };
  /** Request terms found in the reply. */
  matchedTerms: string[];
  problems: ReplyProblem[];
  isAcceptable: boolean;
}

/** Below this score the reviewer is told to look twice. */
export const ACCEPTABLE_SCORE = 60;
/** Share of each sub-score in the 0–100 score. */
export const SCORE_WEIGHTS = { relevance: 0.35, completeness: 0.45, form: 0.2 } as const;

const ACTION =
  /经(?:调查|核实|核查|查|现场|了解|研究)|调查核实|现场(?:查看|察看|勘查|核实|处理)|已(?:经)?(?:安排|责令|督促|协调|处理|整改|维修|修复|清理|拆除|查处|约谈|落实|完成|解决|更换|恢复|办理|立案|联系|发放|补发|退还|制定)|责令|立案|整改|处罚|查处|维修|修复|清理|拆除|约谈|督促|协调|落实|办理|答复如下|回复如下|情况如下/;
const TIME =
  /\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|近日|日前|目前|当天|当日|次日|随即|立即|今年|本月|上周|本周|截至|\d+\s*(?:个)?(?:工作日|日内|天内|小时内|月底|年底)|[上下]旬/;
const ACTOR =
  /我(?:局|委|办|中心|单位|镇|街道|区|县|市|司|处|所|院|队|站|公司|们)|[\p{Script=Han}A-Za-z\d]{1,12}(?:局|委员会|委|办公室|办|中心|街道|社区|居委会|村委会|镇政府|乡政府|政府|公司|大队|中队|派出所|管理处|管理站|所|站|医院|学校)(?=[\p{Script=Han}，。、；：,.;:\s]|$)|工作人员|执法人员|相关人员|负责人/u;
const NEXT =
  /下一步|后续|今后|将(?:继续|进一步|加强|加快|督促|及时|尽快|于|在|按|组织|对)|预计|计划|如(?:有|对|您|仍)|若(?:有|对|您|仍)|可(?:拨打|致电|联系|咨询|向|到|前往|携带|登录|通过)|联系电话|咨询电话|电话[:：]?\s*\d|请您|建议您|欢迎/;
const GREETING = /您好|你好|尊敬的|网友|市民|先生|女士/;
const THANKS = /感谢|谢谢|理解|支持|监督/;
const PLACEHOLDER = /[Xx×＊*]{3,}|\{\{|TODO|待填写|待补充|（此处[^）]*）|[【[](?:单位|姓名|日期|时间|电话|地址|填写|名称)[^】\]]*[】\]]/;

const STOP = new Set([
  '问题',
  '情况',
  '反映',
  '相关',
  '部门',
  '领导',
  '希望',
  '请求',
  '要求',
  '我们',
  '你们',
  '没有',
  '已经',
  '可以',
  '因为',
  '所以',
  '这个',
  '什么',
  '怎么',
  '如何',
  '为什么',
  '现在',
  '目前',
  '一个',
  '进行',
  '解决',
  '处理',
  '投诉',
  '举报',
  '咨询',
  '建议',
  '尽快',
  '及时',
  '安排',
  '人员',
]);

function keyTerms(text: string, limit: number): string[] {
  const counts = new Map<string, number>();
  // search mode also yields the parts of compounds (公交线路 → 公交, 线路), which replies often use alone
  for (const w of segmenter().cutForSearch(normaliseText(text), true)) {
    if ([...w].length < 2 || !/^[\p{Script=Han}A-Za-z]+$/u.test(w) || STOP.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([w]) => w);
}

/** 已转…处理: passed on to another body for handling. */
const FORWARDED = /已?(?:转交|转至|转给|转到|转)[^。！!]{0,30}(?:核实|调查|处理|办理|核处|处置)/;
/** Two-character pieces that say nothing about the subject (请求, 关于, 问题…). */
const STOP_PIECES =
  /^(?:请求|要求|希望|建议|关于|问题|反映|投诉|举报|咨询|尽快|强烈|呼吁|我们|你们|没有|什么|为什|怎么|如何|一下|相关|情况|进行|有关|解决|处理)$/;
/** A reply that points at the place without naming it again: 该小区, 该路段, 上述地点. */
const PLACE_REFERENCE =
  /[该此](?:小区|路段|路口|道路|区域|地段|处|地|村|社区|学校|校|医院|市场|公园|楼盘|项目|工地|门店|店|商户|企业|公司|单位|楼|栋)|上述(?:地点|位置|小区|路段)|现场|校方|院方|园方|厂方|店方/;

/**
 * Whether a reply names the request's place: the whole name; its distinctive part, as replies shorten names
 * (景蓉华苑 → 景蓉, 曾家寨村 → 寨村); or a reference such as 该小区 or 现场 (the site visited).
 */
function isPlaceMentioned(place: { name: string }, reply: string): boolean {
  const name = place.name.toLowerCase();
  if (reply.includes(name) || PLACE_REFERENCE.test(reply)) return true;
  const stem = name.replace(
    /(?:小区|花园|花苑|家园|公寓|新城|新村|大厦|广场|街道|社区|大道|路|街|巷|村|镇|乡|苑|园|府|城|学校|中学|小学|医院|市场|公园)$/u,
    '',
  );
  const pieces = [...bigrams(stem)];
  return pieces.some((b) => reply.includes(b));
}

function bigrams(text: string): Set<string> {
  const t = normaliseText(text).replace(/[^\p{Script=Han}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

type AddProblem = (code: string, message: string, messageEn: string) => void;

export function checkReplyQuality(request: { title?: string | null; content: string }, replyText: string): ReplyQuality {
  const reply = normaliseText(replyText);
  const requestText = `${request.title ?? ''} ${request.content}`;
  const problems: ReplyProblem[] = [];
  const add: AddProblem = (code, message, messageEn) => problems.push({ code, message, messageEn });

  const { relevance, matchedTerms, mentionsPlace } = assessRelevance(request, requestText, reply, add);
  const { checks, completeness } = assessCompleteness(reply, mentionsPlace, add);
  const form = assessForm(requestText, reply, checks.hasNextStep, add);

  const score = Math.round(
    100 * (SCORE_WEIGHTS.relevance * relevance + SCORE_WEIGHTS.completeness * completeness + SCORE_WEIGHTS.form * form),
  );
  return {
    score,
    relevance: Math.round(relevance * 100) / 100,
    completeness: Math.round(completeness * 100) / 100,
    form: Math.round(form * 100) / 100,
    checks,
    matchedTerms,
    problems,
    isAcceptable: score >= ACCEPTABLE_SCORE && relevance >= 0.25,
  };
}

/**
 * Relevance: the request's key terms, the title's weighing most, and the place the title names. Place names are
 * checked on their own: as terms their pieces (金色花园 → 金色, 花园) would count twice and read as noise.
 */
function assessRelevance(request: { title?: string | null; content: string }, requestText: string, reply: string, add: AddProblem) {
  const titleTerms = keyTerms(withoutPlaces(request.title ?? ''), 6);
  const bodyTerms = keyTerms(withoutPlaces(requestText), 12);
  const share = (terms: string[]) => (terms.length ? terms.filter((t) => reply.includes(t)).length / terms.length : null);
  const titleShare = share(titleTerms);
  const bodyShare = share(bodyTerms) ?? 1;
  const matchedTerms = [...new Set([...titleTerms, ...bodyTerms])].filter((t) => reply.includes(t));
  const termRelevance = Math.min(1, 1.5 * (titleShare === null ? bodyShare : 0.6 * titleShare + 0.4 * bodyShare));
  // replies restate a request in their own words (违建门面房 → 违法建设的门面): the share of the title's two-character
  // pieces the reply repeats catches what whole terms miss
  const titlePieces = [...bigrams(withoutPlaces(request.title ?? ''))].filter((b) => !STOP_PIECES.test(b));
  const pieceShare = titlePieces.length >= 3 ? titlePieces.filter((b) => reply.includes(b)).length / titlePieces.length : 0;
  const relevance = Math.max(termRelevance, Math.min(1, 1.5 * pieceShare));
  const place =
    mostSpecificPlace(findPlaceMentions(request.title ?? '')) ??
    (request.title ? null : mostSpecificPlace(findPlaceMentions(request.content)));
  const mentionsPlace = place ? isPlaceMentioned(place, reply) : null;
  if (relevance < 0.25)
    add('off_topic', '答复与诉求内容关联度低，未回应诉求中的主要问题', 'The reply hardly addresses the points of the request');
  if (mentionsPlace === false)
    add(
      'place_missing',
      `答复未提及诉求涉及的地点（${place!.name}）`,
      `The reply does not mention the place of the request (${place!.name})`,
    );
  return { relevance, matchedTerms, mentionsPlace };
}

/** Completeness: what was done, when, by whom, and what comes next. */
function assessCompleteness(reply: string, mentionsPlace: boolean | null, add: AddProblem) {
  const checks = {
    hasAction: ACTION.test(reply),
    hasTime: TIME.test(reply),
    hasActor: ACTOR.test(reply),
    hasNextStep: NEXT.test(reply),
    mentionsPlace,
  };
  if (!checks.hasAction) add('no_action', '未说明采取了哪些调查或处理措施', 'Does not say what was investigated or done');
  if (!checks.hasTime) add('no_time', '未说明处理的时间或时限', 'Does not say when it was done or by when it will be');
  if (!checks.hasActor) add('no_actor', '未说明由哪个单位或人员办理', 'Does not say which unit or person handled it');
  if (!checks.hasNextStep)
    add('no_next_step', '未告知后续安排或市民可以如何继续反映、咨询', 'Does not tell the citizen what happens next or how to follow up');
  const completeness =
    Number(checks.hasAction) * 0.35 + Number(checks.hasTime) * 0.2 + Number(checks.hasActor) * 0.2 + Number(checks.hasNextStep) * 0.25;
  return { checks, completeness };
}

/** Form: length, greeting and thanks, placeholders, copying the request, mere forwarding or acknowledgement. */
function assessForm(requestText: string, reply: string, hasNextStep: boolean, add: AddProblem): number {
  let form = 1;
  const length = [...reply].length;
  if (length < 30) {
    form -= 0.6;
    add(
      'too_short',
      `答复过短（${length} 字），像是程序性回复`,
      `The reply is very short (${length} characters), a formality rather than an answer`,
    );
  } else if (length < 80) {
    form -= 0.25;
    add('short', `答复较简略（${length} 字）`, `The reply is brief (${length} characters)`);
  }
  if (!GREETING.test(reply)) {
    form -= 0.15;
    add('no_greeting', '缺少称呼或问候语', 'No greeting to the citizen');
  }
  if (!THANKS.test(reply)) form -= 0.05;
  if (PLACEHOLDER.test(reply)) {
    form -= 0.4;
    add('placeholder', '答复中含有未填写的占位符或模板文字', 'The reply contains unfilled placeholders or template text');
  }
  const request2 = bigrams(requestText);
  const reply2 = bigrams(reply);
  let shared = 0;
  for (const b of reply2) if (request2.has(b)) shared++;
  if (reply2.size > 20 && shared / reply2.size > 0.8) {
    form -= 0.4;
    add('copies_request', '答复大段照抄诉求内容', 'The reply mostly repeats the request');
  }
  if (FORWARDED.test(reply) && length < 90 && !hasNextStep && !/经(?:查|调查|核实|核查)|现将.{0,6}(?:回复|答复)如下/.test(reply)) {
    form -= 0.3;
    add('forwarded_only', '答复只说明已转交其他单位，并未答复诉求', 'The reply only says the request was passed on, without answering it');
  }
  if (/^(?:已收悉|收到|已转|已转交)[。！!]?$/.test(reply.replace(/[\s，,、：:网友您好！!]/g, '').slice(-6)) && length < 40) {
    add('acknowledgement_only', '仅为“已收悉/已转交”类回执，并非办理结果', 'Only an acknowledgement of receipt, not a result');
  }
  return Math.max(0, form);
}

export interface SubScoreExplanation {
  key: 'relevance' | 'completeness' | 'form';
  label: { zh: string; en: string };
  /** 0–1. */
  score: number;
  /** Share of the total score. */
  weight: number;
  message: string;
  messageEn: string;
}

const COMPLETENESS_PARTS = [
  { key: 'hasAction', zh: '处理措施', en: 'what was done' },
  { key: 'hasTime', zh: '处理时间', en: 'when' },
  { key: 'hasActor', zh: '办理单位或人员', en: 'by whom' },
  { key: 'hasNextStep', zh: '后续安排或咨询途径', en: 'what comes next' },
] as const;
const FORM_CODES = new Set([
  'too_short',
  'short',
  'no_greeting',
  'placeholder',
  'copies_request',
  'acknowledgement_only',
  'forwarded_only',
]);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Sentences for the reviewer, Chinese and English: the verdict and what each sub-score rests on. */
export function explainReplyQuality(q: ReplyQuality): {
  summary: { message: string; messageEn: string };
  subScores: SubScoreExplanation[];
} {
  const isLow = q.score < ACCEPTABLE_SCORE;
  const problems = q.problems.length
    ? { zh: `：${q.problems.map((p) => p.message).join('；')}`, en: `. ${q.problems.map((p) => p.messageEn).join('; ')}` }
    : null;
  const summary = q.isAcceptable
    ? { message: `答复质量 ${q.score} 分（满分 100），可以受理`, messageEn: `Reply quality ${q.score}/100: acceptable` }
    : {
        message: `答复质量 ${q.score} 分，${isLow ? `低于 ${ACCEPTABLE_SCORE} 分` : '但与诉求关联度过低'}，建议核查后再决定是否受理${problems?.zh ?? ''}`,
        messageEn:
          `Reply quality ${q.score}/100, ${isLow ? `below ${ACCEPTABLE_SCORE}` : 'but hardly related to the request'}: ` +
          `check before accepting${problems?.en ?? ''}`,
      };

  const terms = q.matchedTerms.slice(0, 5);
  const lacksPlace = q.checks.mentionsPlace === false;
  const relevance: SubScoreExplanation = {
    key: 'relevance',
    label: { zh: '相关性', en: 'Relevance' },
    score: q.relevance,
    weight: SCORE_WEIGHTS.relevance,
    message:
      `与诉求的关联度 ${pct(q.relevance)}：${terms.length ? `答复回应了「${terms.join('、')}」` : '答复未出现诉求中的关键词语'}` +
      (lacksPlace ? '，未提及诉求地点' : ''),
    messageEn:
      `${pct(q.relevance)} related to the request: ` +
      (terms.length ? `the reply takes up ${terms.join(', ')}` : 'none of the request’s key words appear in the reply') +
      (lacksPlace ? '; the place is not mentioned' : ''),
  };

  const present = COMPLETENESS_PARTS.filter((p) => q.checks[p.key]);
  const missing = COMPLETENESS_PARTS.filter((p) => !q.checks[p.key]);
  const completeness: SubScoreExplanation = {
    key: 'completeness',
    label: { zh: '完整性', en: 'Completeness' },
    score: q.completeness,
    weight: SCORE_WEIGHTS.completeness,
    message: `完整性 ${pct(q.completeness)}：${[
      present.length ? `已说明${present.map((p) => p.zh).join('、')}` : '',
      missing.length ? `缺少${missing.map((p) => p.zh).join('、')}` : '',
    ]
      .filter(Boolean)
      .join('；')}`,
    messageEn: `${pct(q.completeness)} complete: ${[
      present.length ? `says ${present.map((p) => p.en).join(', ')}` : '',
      missing.length ? `missing ${missing.map((p) => p.en).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ')}`,
  };

  const formProblems = q.problems.filter((p) => FORM_CODES.has(p.code));
  const form: SubScoreExplanation = {
    key: 'form',
    label: { zh: '规范性', en: 'Form' },
    score: q.form,
    weight: SCORE_WEIGHTS.form,
    message: `规范性 ${pct(q.form)}：${formProblems.length ? formProblems.map((p) => p.message).join('；') : '称呼、篇幅和用语规范'}`,
    messageEn: `Form ${pct(q.form)}: ${formProblems.length ? formProblems.map((p) => p.messageEn).join('; ') : 'greeting, length and wording are in order'}`,
  };
  return { summary, subScores: [relevance, completeness, form] };
}
