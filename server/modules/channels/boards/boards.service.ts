/**
 * 人民网领导留言板 and 微博: their exported lists come in as a file an agent uploads or as a pull from a configured
 * URL; each message becomes a written contact in the agents' queue, taken once by the board's own id. The answers go
 * back as a file of the same kind (CSV or Excel) with the board's ids, which the centre uploads to the board.
 */
import { LIMITS } from '../../../../common/limits.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor, Clock } from '../../../lib/actor.ts';
import { shanghaiIsoString } from '../../../lib/calendar.ts';
import { AppError } from '../../../lib/errors.ts';
import { authorize } from '../../contacts/contacts.policy.ts';
import { findMobileIn } from '../../contacts/contacts.rules.ts';
import type { ChannelSender, ContactsService } from '../../contacts/contacts.service.ts';
import { BoardFileError, readBoardFile, writeBoardFile } from './boards.file.ts';
import { createBoardsRepository, type BoardAnswer } from './boards.repository.ts';
import { readBoardMessages, type BoardMessage, type BoardSource, type RowProblem } from './boards.rows.ts';

export interface BoardsDeps {
  db: Db;
  clock: Clock;
  contacts: Pick<ContactsService, 'receive' | 'knownSources'>;
  /** Where each board's list is pulled from (the pull-message-boards job); a board without one is only imported by hand. */
  pullUrls: Partial<Record<BoardSource, string>>;
  log?: (level: 'info' | 'warn', message: string, details: Record<string, unknown>) => void;
}

export interface ImportResult {
  source: BoardSource;
  format: string;
  /** Messages in the file. */
  rows: number;
  created: number;
  /** Taken before (by an earlier file or pull), or repeated within this file. */
  duplicates: number;
  contactIds: number[];
}

/** Shown in problem lists; the rest are counted. */
const PROBLEMS_SHOWN = 50;
const PULL_TIMEOUT_MS = 30_000;
/** The board's id column in the reply export: the same name its own list uses, so the board matches the answers. */
const EXPORT_ID_COLUMN: Record<BoardSource, string> = { people_cn: '留言编号', weibo: '微博ID' };
const SOURCE_NAMES: Record<BoardSource, { zh: string; en: string }> = {
  people_cn: { zh: '人民网留言板', en: "People's Daily message board" },
  weibo: { zh: '微博', en: 'Weibo' },
};

/** The board's answers leave in the reply export, so "sending" one only marks it ready for the file. */
export const boardReplySender: ChannelSender = {
  isReplyOnly: true,
  send: async () => ({ externalId: 'reply-export' }),
};

function invalidFile(source: BoardSource, problems: RowProblem[]) {
  const first = problems[0];
  return new AppError('VALIDATION_FAILED', {
    message: `${SOURCE_NAMES[source].zh}文件有 ${problems.length} 处错误，未导入任何留言。第 ${first.line} 行“${first.column}”：${first.reason}`,
    messageEn: `The ${SOURCE_NAMES[source].en} file has ${problems.length} problem(s); nothing was imported. Row ${first.line}, "${first.column}": ${first.reasonEn}`,
    details: {
      problemCount: problems.length,
      problems: problems
        .slice(0, PROBLEMS_SHOWN)
        .map((p) => ({ row: p.line, column: p.column, message: p.reason, message_en: p.reasonEn })),
    },
  });
}

function unreadable(source: BoardSource, error: BoardFileError) {
  return new AppError('VALIDATION_FAILED', {
    message: `${SOURCE_NAMES[source].zh}文件无法读取，未导入任何留言：${error.messageZh}`,
    messageEn: `The ${SOURCE_NAMES[source].en} file cannot be read; nothing was imported: ${error.message}`,
  });
}

const localTime = (at: Date) => shanghaiIsoString(at).slice(0, 19).replace('T', ' ');

export function createBoardsService(deps: BoardsDeps) {
  const { clock } = deps;
  const repo = createBoardsRepository(deps.db);
  const log = deps.log ?? (() => {});

  /** Reads and checks a whole file before anything is stored: a file with any problem imports nothing. */
  async function messagesOf(source: BoardSource, bytes: Buffer) {
    if (bytes.length > LIMITS.boardFileMaxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        message: `文件超过 ${LIMITS.boardFileMaxBytes / 1024 / 1024} MB`,
        messageEn: `The file is larger than ${LIMITS.boardFileMaxBytes / 1024 / 1024} MB`,
      });
    }
    let table;
    try {
      table = await readBoardFile(bytes);
    } catch (error) {
      if (error instanceof BoardFileError) throw unreadable(source, error);
      throw error;
    }
    if (table.rows.length > LIMITS.boardFileRowsMax) {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        message: `文件有 ${table.rows.length} 条留言，每次最多 ${LIMITS.boardFileRowsMax} 条，请分批导入`,
        messageEn: `The file has ${table.rows.length} messages; at most ${LIMITS.boardFileRowsMax} at a time, split it`,
      });
    }
    const { messages, problems } = readBoardMessages(table, clock.now());
    if (problems.length > 0) throw invalidFile(source, problems);
    return { format: table.format, messages };
  }

  /** Hands the messages to the queue; ids stored before, and repeats within the list, are skipped. */
  async function take(
    source: BoardSource,
    format: string,
    messages: BoardMessage[],
    origin: Record<string, unknown>,
  ): Promise<ImportResult> {
    const known = await deps.contacts.knownSources(
      source,
      messages.map((m) => m.sourceId),
    );
    const contactIds: number[] = [];
    for (const m of messages) {
      if (known.has(m.sourceId)) continue;
      known.add(m.sourceId);
      const result = await deps.contacts.receive({
        channel: source,
        sourceId: m.sourceId,
        address: m.user,
        senderName: m.userName,
        subject: m.title,
        content: m.content,
        writtenPhone: findMobileIn(m.content),
        receivedAt: m.postedAt,
        meta: { ...m.counts, ...origin, row: m.line },
        // the board has no way to carry an automatic acknowledgement; the answer leaves in the reply export
        shouldAcknowledge: false,
      });
      if (!result.isDuplicate) contactIds.push(result.contactId);
    }
    return {
      source,
      format,
      rows: messages.length,
      created: contactIds.length,
      duplicates: messages.length - contactIds.length,
      contactIds,
    };
  }

  return {
    /** An agent uploads a board's exported list (CSV, Excel or JSON). */
    async importFile(actor: Actor, source: BoardSource, file: { filename: string; content: Buffer }) {
      authorize(actor, 'work');
      const { format, messages } = await messagesOf(source, file.content);
      const result = await take(source, format, messages, {
        importedFrom: 'file',
        filename: file.filename.slice(0, 200),
        importedById: actor.userId,
      });
      log('info', 'board list imported', {
        source,
        filename: file.filename,
        rows: result.rows,
        created: result.created,
        duplicates: result.duplicates,
      });
      return result;
    },

    /** Fetches the board's list from its configured URL and takes what is new; a list with a problem takes nothing. */
    async pull(source: BoardSource) {
      const url = deps.pullUrls[source];
      if (!url) return null;
      const response = await fetch(url, {
        signal: AbortSignal.timeout(PULL_TIMEOUT_MS),
        headers: { accept: 'text/csv, application/json, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, */*' },
      });
      if (!response.ok) throw new Error(`${source} pull from ${url}: HTTP ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > LIMITS.boardFileMaxBytes)
        throw new Error(`${source} pull from ${url}: larger than ${LIMITS.boardFileMaxBytes} bytes`);
      const bytes = Buffer.from(await response.arrayBuffer());
      try {
        const { format, messages } = await messagesOf(source, bytes);
        const result = await take(source, format, messages, { importedFrom: 'pull' });
        log('info', 'board list pulled', { source, rows: result.rows, created: result.created, duplicates: result.duplicates });
        return result;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        log('warn', 'board list refused', { source, url, reason: error.messageEn, details: error.details });
        throw new Error(`${source} pull from ${url} refused: ${error.messageEn}`, { cause: error });
      }
    },

    /** Every configured board in turn (the pull-message-boards job); one board failing does not stop the other. */
    async pullAll() {
      const results: Record<string, unknown> = {};
      const failures: string[] = [];
      for (const source of Object.keys(deps.pullUrls) as BoardSource[]) {
        try {
          const result = await this.pull(source);
          if (result) results[source] = { rows: result.rows, created: result.created, duplicates: result.duplicates };
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
      if (failures.length > 0) throw new Error(failures.join('; '));
      return results;
    },

    /**
     * The answers given within the window to the board's messages, latest per message, as a file for the board: the
     * message's id, its writer and title, the answer, when and by which unit, and the order it became.
     */
    async exportReplies(actor: Actor, source: BoardSource, query: { since: Date; until?: Date; format: 'csv' | 'xlsx' }) {
      authorize(actor, 'work');
      const until = query.until ?? clock.now();
      const latest = new Map<number, BoardAnswer>();
      for (const a of await repo.findAnswers(source, { since: query.since, until })) {
        const seen = latest.get(a.contactId);
        if (!seen || a.answeredAt > seen.answeredAt) latest.set(a.contactId, a);
      }
      const answers = [...latest.values()].sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
      const headers = [EXPORT_ID_COLUMN[source], '留言用户', '留言主题', '答复内容', '答复时间', '答复单位', '工单号'];
      const rows = answers.map((a) => [
        a.sourceId,
        a.user,
        a.title ?? '',
        a.answer,
        localTime(a.answeredAt),
        a.unitName ?? '',
        a.ticketNumber ?? '',
      ]);
      const content = await writeBoardFile(query.format, headers, rows, '答复');
      return {
        content,
        count: answers.length,
        filename: `${source}-replies-${localTime(query.since).slice(0, 10)}-${localTime(until).slice(0, 10)}.${query.format}`,
        mimeType: query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    },
  };
}
export type BoardsService = ReturnType<typeof createBoardsService>;
