/**
 * 日报/周报/月报/专报: gathers a period's figures from the rollups, renders PDF and Excel, stores both
 * under filesDir/reports and the figures in the reports table; lists and serves them.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../../db/client.ts';
import type { Actor, Clock } from '../../../lib/actor.ts';
import { notFound, unknownReference, validation } from '../../../lib/errors.ts';
import { authorize } from '../analytics.policy.ts';
import type { ReportParams } from '../analytics.schemas.ts';
import { createAnalyticsRepository } from '../analytics.repository.ts';
import type { AnalyticsService } from '../analytics.service.ts';
import { ancestorWhere, groupUp } from '../labels.ts';
import { sumMeasures } from '../indicators/measures.ts';
import { addDays, periodFor, previousPeriod, validatePeriod, yearAgoPeriod, type Period, type PeriodKind } from '../periods.ts';
import { renderExcel } from './report-excel.ts';
import { findCjkFont } from './fonts.ts';
import { renderPdf } from './report-pdf.ts';
import { headlineOf, rankUnits, REPORT_KIND_LABELS, withShares, type ReportContent } from './reports.content.ts';
import { createReportsRepository, type ReportRow } from './reports.repository.ts';
import type { RollupService } from '../rollup/rollup.service.ts';

const REPORT = { zh: '报表', en: 'report' };
const CATEGORY = { zh: '分类', en: 'category' };
const OVERDUE_LIMIT = 50;

export interface GenerateInput {
  kind: PeriodKind;
  /** Reference day for daily/weekly/monthly reports (default: yesterday). */
  date?: string;
  /** Period of a special report. */
  from?: string;
  to?: string;
  title?: string;
  /** Focus of a special report: this category and its sub-categories. */
  categoryId?: number;
}

export function presentReport(
  row: Pick<ReportRow, 'id' | 'kind' | 'title' | 'periodFrom' | 'periodTo' | 'params' | 'renderMs' | 'createdAt'>,
) {
  return {
    id: row.id,
    kind: row.kind as PeriodKind,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    params: row.params as ReportParams,
    renderMs: row.renderMs,
    createdAt: row.createdAt,
    pdfUrl: `/api/v1/analytics/reports/${row.id}/pdf`,
    xlsxUrl: `/api/v1/analytics/reports/${row.id}/xlsx`,
  };
}

export function createReportsService(deps: {
  db: Db;
  clock: Clock;
  filesDir: string;
  cjkFont?: string;
  rollups: RollupService;
  analytics: AnalyticsService;
}) {
  const { db, clock, analytics } = deps;
  const reads = createAnalyticsRepository(db);
  const repo = createReportsRepository(db);

  function periodOf(input: GenerateInput, today: string): Period {
    if (input.kind === 'special') {
      if (!input.from || !input.to)
        throw validation('专报需要起止日期', 'A special report needs from and to', { reason: 'period_required' });
      return validatePeriod({ from: input.from, to: input.to }, today);
    }
    const ref = input.date ?? addDays(today, -1);
    validatePeriod({ from: ref, to: ref }, today);
    const p = periodFor(input.kind, ref);
    return { from: p.from, to: p.to > today ? today : p.to };
  }

  async function buildContent(kind: PeriodKind, period: Period, title: string, categoryId: number | undefined): Promise<ReportContent> {
    const [settings, ref] = await Promise.all([analytics.getSettings(), analytics.loadReference()]);
    if (categoryId !== undefined && !ref.categories.has(categoryId)) throw unknownReference(CATEGORY, { categoryId });
    const previous = previousPeriod(period);
    const yearAgo = yearAgoPeriod(period);
    const trendFrom = kind === 'daily' ? addDays(period.to, -6) : period.from;
    const [current, before, lastYear, trend, categories, regions, units, overdue] = await Promise.all([
      reads.total(period.from, period.to),
      reads.total(previous.from, previous.to),
      reads.total(yearAgo.from, yearAgo.to),
      reads.sumByDay(trendFrom, period.to, ['contacts', 'invalid', 'transferred', 'merged']),
      reads.sumByKey('category', period.from, period.to),
      reads.sumByKey('region', period.from, period.to, ['contacts']),
      reads.sumByKey('unit', period.from, period.to),
      reads.findOpenOverdue(OVERDUE_LIMIT),
    ]);
    let focus: ReportContent['focus'] = null;
    if (categoryId !== undefined) {
      const inFocus = (key: string) => ancestorWhere(ref.categories, Number(key), (c) => c.id === categoryId) !== null;
      const sumFocus = async (p: Period, rows?: typeof categories) =>
        sumMeasures((rows ?? (await reads.sumByKey('category', p.from, p.to))).filter((r) => inFocus(r.key)).map((r) => r.measures));
      const [f0, f1, f2] = await Promise.all([sumFocus(period, categories), sumFocus(previous), sumFocus(yearAgo)]);
      focus = { name: ref.categories.get(categoryId)!.pathName, headline: headlineOf(f0, f1, f2, settings) };
    }
    const byDay = new Map(trend.map((t) => [t.day, t.measures]));
    const days: string[] = [];
    for (let d = trendFrom; d <= period.to; d = addDays(d, 1)) days.push(d);
    return {
      kind,
      title,
      period,
      previous,
      yearAgo,
      generatedAt: clock.now().toISOString(),
      satisfactionCountsBasic: settings.satisfactionCountsBasic,
      headline: headlineOf(current, before, lastYear, settings),
      trend: days.map((day) => {
        const m = byDay.get(day);
        return { day, contacts: m?.contacts ?? 0, orders: m ? m.contacts - m.invalid - m.transferred - m.merged : 0 };
      }),
      topCategories: withShares(
        groupUp(
          categories.map((c) => ({ key: c.key, value: c.measures.contacts })),
          ref.categories,
          (c) => c.level === 1,
        ),
        current.contacts,
        15,
      ),
      topRegions: withShares(
        groupUp(
          regions.map((r) => ({ key: r.key, value: r.measures.contacts })),
          ref.regions,
          (r) => r.level === 'district',
        ),
        current.contacts,
        30,
      ),
      units: rankUnits(
        units
          .filter((u) => u.key !== '0')
          .map((u) => {
            const unit = ref.units.get(Number(u.key));
            return { unitId: Number(u.key), unitName: unit?.name ?? `#${u.key}`, peerGroup: unit?.peerGroup ?? '', measures: u.measures };
          }),
        settings,
      ),
      overdue: overdue.map((o) => ({
        number: o.number,
        title: o.title,
        unitName: o.unitName,
        category: o.category,
        status: o.status,
        handleDueAt: o.handleDueAt?.toISOString() ?? null,
      })),
      focus,
    };
  }

  function defaultTitle(kind: PeriodKind, p: Period) {
    const span = kind === 'daily' ? p.from : kind === 'monthly' ? p.from.slice(0, 7) : `${p.from} 至 ${p.to}`;
    return `12345 热线${REPORT_KIND_LABELS[kind].zh}（${span}）`;
  }

  async function generate(actor: Actor, input: GenerateInput) {
    authorize(actor, 'generate_report');
    const today = analytics.todayDay();
    const period = periodOf(input, today);
    if (input.kind === 'special' && !input.title?.trim())
      throw validation('专报需要标题', 'A special report needs a title', { reason: 'title_required' });
    await deps.rollups.refresh();
    const started = performance.now();
    const title = input.title?.trim() || defaultTitle(input.kind, period);
    const content = await buildContent(input.kind, period, title, input.categoryId);
    const [pdf, xlsx] = await Promise.all([renderPdf(content, findCjkFont(deps.cjkFont)), renderExcel(content)]);
    const base = `reports/${period.from.slice(0, 4)}/${randomUUID()}`;
    await mkdir(path.join(deps.filesDir, path.dirname(base)), { recursive: true });
    await Promise.all([writeFile(path.join(deps.filesDir, `${base}.pdf`), pdf), writeFile(path.join(deps.filesDir, `${base}.xlsx`), xlsx)]);
    const row = await repo.create({
      kind: input.kind,
      title,
      periodFrom: period.from,
      periodTo: period.to,
      params: {
        date: input.date ?? null,
        categoryId: input.categoryId ?? null,
        isScheduled: actor.kind === 'system',
      } satisfies ReportParams,
      content,
      pdfKey: `${base}.pdf`,
      xlsxKey: `${base}.xlsx`,
      renderMs: Math.round(performance.now() - started),
      createdById: actor.userId,
      createdAt: clock.now(),
    });
    return presentReport(row);
  }

  return {
    generate,

    /** For the scheduler: yesterday's daily report, last week's on Mondays, last month's on the 1st, each once. */
    async generateScheduled(actor: Actor) {
      const today = analytics.todayDay();
      const yesterday = addDays(today, -1);
      const due: { kind: PeriodKind; date: string }[] = [{ kind: 'daily', date: yesterday }];
      if (periodFor('weekly', today).from === today) due.push({ kind: 'weekly', date: yesterday });
      if (today.endsWith('-01')) due.push({ kind: 'monthly', date: yesterday });
      const made = [];
      for (const d of due) {
        if (await repo.existsFor(d.kind, periodFor(d.kind as Exclude<PeriodKind, 'special'>, d.date).from)) continue;
        made.push(await generate(actor, d));
      }
      return made;
    },

    async list(actor: Actor, input: { kind?: PeriodKind; limit: number }) {
      authorize(actor, 'read');
      return (await repo.find(input)).map(presentReport);
    },

    async get(actor: Actor, id: number) {
      authorize(actor, 'read');
      const row = await repo.findById(id);
      if (!row) throw notFound(REPORT, { id });
      return { ...presentReport(row), content: row.content as ReportContent };
    },

    async download(actor: Actor, id: number, format: 'pdf' | 'xlsx') {
      authorize(actor, 'read');
      const row = await repo.findById(id);
      const key = format === 'pdf' ? row?.pdfKey : row?.xlsxKey;
      if (!row || !key) throw notFound(REPORT, { id, format });
      return {
        filename: `${row.title.replace(/[\\/\x00-\x1f"<>|:*?]/g, '_')}.${format}`,
        contentType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: await readFile(path.join(deps.filesDir, key)),
      };
    },
  };
}
export type ReportsService = ReturnType<typeof createReportsService>;
