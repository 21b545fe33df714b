/**
 * 人民网领导留言板 and 微博: the rows of a board's exported list, read under the column names the boards and the
 * 12345 centres use (留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 点赞数…; Weibo's 微博ID, 微博正文, 转发数…; or the
 * English keys of a JSON feed), each checked, with every problem named by row and column. Pure.
 */
import { LIMITS } from '../../../../common/limits.ts';
import { parseTime } from '../../../lib/parse-time.ts';
import type { BoardTable } from './boards.file.ts';

export const BOARD_SOURCES = ['people_cn', 'weibo'] as const;
export type BoardSource = (typeof BOARD_SOURCES)[number];

/** One message of a board as the contacts queue takes it. */
export interface BoardMessage {
  line: number;
  /** The board's own id of the message (人民网 留言编号, Weibo mid): a message is taken once. */
  sourceId: string;
  /** The writer's account on the board; where the answer goes. */
  user: string;
  userName: string | null;
  title: string | null;
  content: string;
  postedAt: Date;
  /** Other readers' votes and shares, as the board counted them at export. */
  counts: Partial<Record<CountField, number>>;
}

export interface RowProblem {
  /** The row as numbered in the file (the header is row 1 in CSV and Excel; JSON counts items from 1). */
  line: number;
  /** The column as named in the file, or the field wanted when its column is missing. */
  column: string;
  reason: string;
  reasonEn: string;
}

type CountField = 'likes' | 'against' | 'reposts' | 'comments';
type Field = 'sourceId' | 'user' | 'userName' | 'title' | 'content' | 'time' | CountField;

/** Column names each field is known by (compared without case, spaces, underscores or full-width forms). */
const COLUMN_NAMES: Record<Field, string[]> = {
  sourceId: ['id', '留言编号', '留言id', '编号', 'tid', 'mid', '微博id', 'weiboid'],
  user: ['user', 'userid', 'uid', '留言用户', '用户', '用户id'],
  userName: ['nickname', 'screenname', '昵称', '用户昵称', '网友昵称'],
  title: ['title', '留言主题', '主题', '标题'],
  content: ['body', 'content', 'text', '留言详情', '留言内容', '内容', '微博正文', '微博内容', '正文'],
  time: ['time', 'createdat', '留言时间', '时间', '发布时间', '发表时间'],
  likes: ['likes', 'attitudescount', '点赞数', '赞'],
  against: ['against', '反对数'],
  reposts: ['reposts', 'repostscount', '转发数'],
  comments: ['comments', 'commentscount', '评论数'],
};
const REQUIRED: Field[] = ['sourceId', 'user', 'content', 'time'];
const FIELD_LABELS: Record<Field, { zh: string; en: string }> = {
  sourceId: { zh: '编号', en: 'id' },
  user: { zh: '用户', en: 'user' },
  userName: { zh: '昵称', en: 'nickname' },
  title: { zh: '主题', en: 'title' },
  content: { zh: '内容', en: 'content' },
  time: { zh: '时间', en: 'time' },
  likes: { zh: '点赞数', en: 'likes' },
  against: { zh: '反对数', en: 'against' },
  reposts: { zh: '转发数', en: 'reposts' },
  comments: { zh: '评论数', en: 'comments' },
};
const SOURCE_ID_MAX = 100;
const USER_MAX = 100;
/** A board's clock may run a little ahead of ours; a message from further in the future is a wrong time. */
const FUTURE_SLACK_MS = 3_600_000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const columnKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]/g, '');

/** Which of the file's columns holds each field (the first that matches). */
function columnsOf(headers: string[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(COLUMN_NAMES) as Field[]) {
    const header = headers.find((h) => COLUMN_NAMES[field].includes(columnKey(h)));
    if (header !== undefined) out[field] = header;
  }
  return out;
}

/**
 * The board messages of a table, or every problem found: a file is taken whole or not at all, so the centre fixes
 * what the list names and imports the file again (messages taken before are recognised by their ids).
 */
export function readBoardMessages(table: BoardTable, now: Date): { messages: BoardMessage[]; problems: RowProblem[] } {
  const columns = columnsOf(table.headers);
  const missing = REQUIRED.filter((f) => !columns[f]);
  if (missing.length > 0) {
    return {
      messages: [],
      problems: missing.map((f) => ({
        line: 1,
        column: FIELD_LABELS[f].zh,
        reason: `缺少“${FIELD_LABELS[f].zh}”列（可用列名：${COLUMN_NAMES[f].slice(0, 4).join('、')}）`,
        reasonEn: `No ${FIELD_LABELS[f].en} column (accepted names include ${COLUMN_NAMES[f].slice(0, 4).join(', ')})`,
      })),
    };
  }
  const messages: BoardMessage[] = [];
  const problems: RowProblem[] = [];
  for (const row of table.rows) {
    const rowProblems: RowProblem[] = [];
    const problem = (field: Field, reason: string, reasonEn: string) =>
      rowProblems.push({ line: row.line, column: columns[field] ?? FIELD_LABELS[field].zh, reason, reasonEn });
    const cell = (field: Field) => (columns[field] ? (row.cells[columns[field]!] ?? '') : '');
    for (const field of Object.keys(columns) as Field[]) {
      if (CONTROL.test(cell(field))) problem(field, '含有控制字符', 'contains control characters');
    }
    const text = (field: Field, max: number, isRequired: boolean) => {
      const value = cell(field);
      const label = FIELD_LABELS[field];
      if (isRequired && !value) problem(field, `${label.zh}为空`, `the ${label.en} is empty`);
      else if (value.length > max) problem(field, `${label.zh}超过 ${max} 字`, `the ${label.en} is longer than ${max} characters`);
      return value;
    };
    const sourceId = text('sourceId', SOURCE_ID_MAX, true);
    const user = text('user', USER_MAX, true);
    const userName = text('userName', LIMITS.nameMax, false);
    const title = text('title', LIMITS.titleMax, false);
    const content = text('content', LIMITS.contentMax, true);
    const timeText = cell('time');
    const postedAt = parseTime(timeText);
    if (!timeText) problem('time', '时间为空', 'the time is empty');
    else if (!postedAt) problem('time', `无法识别的时间“${timeText.slice(0, 40)}”`, `cannot read the time "${timeText.slice(0, 40)}"`);
    else if (postedAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
      problem('time', `时间“${timeText}”晚于当前时间`, `the time "${timeText}" is in the future`);
    const counts: BoardMessage['counts'] = {};
    for (const field of ['likes', 'against', 'reposts', 'comments'] as const) {
      const value = cell(field);
      if (!value) continue;
      if (!/^\d{1,9}$/.test(value))
        problem(
          field,
          `${FIELD_LABELS[field].zh}“${value.slice(0, 20)}”不是非负整数`,
          `${FIELD_LABELS[field].en} "${value.slice(0, 20)}" is not a whole number`,
        );
      else counts[field] = Number(value);
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else
      messages.push({
        line: row.line,
        sourceId,
        user,
        userName: userName || null,
        title: title || null,
        content,
        postedAt: postedAt!,
        counts,
      });
  }
  return { messages, problems };
}
