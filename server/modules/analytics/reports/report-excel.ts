/** Renders a report as an Excel workbook: one sheet per section, figures as numbers (rates as %). */
import ExcelJS from 'exceljs';
import { formatChange, REPORT_KIND_LABELS, type ReportContent } from './reports.content.ts';

export const SHEET_NAMES = ['概况', '趋势', '分类', '区域', '单位排名', '超期工单'] as const;

export async function renderExcel(content: ReportContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lianxin 连心';
  wb.created = new Date(content.generatedAt);
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  const rateFormat = '0.0%';

  const summary = wb.addWorksheet(SHEET_NAMES[0]);
  summary.addRow([content.title]).font = { bold: true, size: 14 };
  summary.addRow([`${REPORT_KIND_LABELS[content.kind].zh}`, `统计期 ${content.period.from} 至 ${content.period.to}`]);
  summary.addRow([`环比期 ${content.previous.from} 至 ${content.previous.to}`, `同比期 ${content.yearAgo.from} 至 ${content.yearAgo.to}`]);
  summary.addRow([]);
  bold(summary.addRow(['指标', 'Indicator', '本期', '上期', '环比', '去年同期', '同比']));
  for (const h of content.headline) {
    const row = summary.addRow([
      h.nameZh,
      h.nameEn,
      h.value,
      h.previous,
      formatChange(h.kind, h.vsPrevious),
      h.yearAgo,
      formatChange(h.kind, h.vsYearAgo),
    ]);
    if (h.kind === 'rate') for (const c of [3, 4, 6]) row.getCell(c).numFmt = rateFormat;
  }
  summary.columns.forEach((c) => {
    c.width = 18;
  });

  const trend = wb.addWorksheet(SHEET_NAMES[1]);
  bold(trend.addRow(['日期', '受理量', '有效工单量']));
  for (const t of content.trend) trend.addRow([t.day, t.contacts, t.orders]);
  bold(trend.addRow(['合计', content.trend.reduce((s, t) => s + t.contacts, 0), content.trend.reduce((s, t) => s + t.orders, 0)]));

  const top = (name: string, rows: ReportContent['topCategories'], header: string) => {
    const sheet = wb.addWorksheet(name);
    bold(sheet.addRow([header, '受理量', '占比']));
    for (const r of rows) sheet.addRow([r.name, r.contacts, r.share]).getCell(3).numFmt = rateFormat;
    sheet.getColumn(1).width = 30;
  };
  top(SHEET_NAMES[2], content.topCategories, '分类');
  top(SHEET_NAMES[3], content.topRegions, '区县');

  const units = wb.addWorksheet(SHEET_NAMES[4]);
  bold(units.addRow(['考核分组', '名次', '单位', '派单次数', '三率综合得分', '按时办结率', '满意率', '解决率']));
  for (const u of content.units) {
    const row = units.addRow([
      u.peerGroup,
      u.rank,
      u.unitName,
      u.dispatches,
      u.compositeScore,
      u.onTimeCompletionRate,
      u.satisfactionRate,
      u.resolutionRate,
    ]);
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = rateFormat;
  }
  units.getColumn(3).width = 30;

  const overdue = wb.addWorksheet(SHEET_NAMES[5]);
  bold(overdue.addRow(['工单编号', '标题', '承办单位', '分类', '状态', '办理时限']));
  for (const o of content.overdue) overdue.addRow([o.number, o.title, o.unitName, o.category, o.status, o.handleDueAt]);
  overdue.getColumn(2).width = 40;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
