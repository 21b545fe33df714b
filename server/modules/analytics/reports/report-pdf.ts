/** Renders a report as an A4 PDF with an embedded Chinese font, tables and a bar chart of the daily trend. */
import PDFDocument from 'pdfkit';
import { STATUS_LABELS, type TicketStatus } from '../../../../common/ticket-lifecycle.ts';
import { loadFontFile, type CjkFont } from './fonts.ts';
import { formatChange, formatValue, REPORT_KIND_LABELS, type ReportContent } from './reports.content.ts';

const MARGIN = 50;
const ROW = 16;

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export async function renderPdf(content: ReportContent, font: CjkFont): Promise<Buffer> {
  const fontFile = await loadFontFile(font);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: content.title, Creator: 'Lianxin 连心' } });
  doc.registerFont('cjk', fontFile, font.family as string);
  doc.font('cjk');
  const done = collectOutput(doc);
  const page = pageWriter(doc);

  writeTitle(doc, content);
  writeHeadline(page, content);
  page.heading('二、受理量趋势');
  drawTrend(doc, content.trend, MARGIN, page.width, page.ensure);
  writeRankings(page, content);
  writeOverdue(page, content);

  doc.end();
  return done;
}

/** The whole PDF once the document ends. */
function collectOutput(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

type PageWriter = ReturnType<typeof pageWriter>;

/** Section headings and tables that start a new page when the rest would not fit. */
function pageWriter(doc: PDFKit.PDFDocument) {
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(ROW * 4);
    doc.moveDown(0.8).fontSize(13).fillColor('#1f3864').text(text, MARGIN).fillColor('black').moveDown(0.3);
  };
  const table = (columns: Column[], rows: string[][]) => {
    const drawRow = (cells: string[], isHeader: boolean) => {
      ensure(ROW);
      const y = doc.y;
      if (isHeader)
        doc
          .rect(MARGIN, y - 2, width, ROW)
          .fill('#e8edf5')
          .fillColor('black');
      let x = MARGIN;
      doc.fontSize(9);
      cells.forEach((cell, i) => {
        const col = columns[i];
        doc.text(cell, x + 3, y + 2, { width: col.width - 6, align: col.align ?? 'left', lineBreak: false, ellipsis: true, height: ROW });
        x += col.width;
      });
      doc.x = MARGIN;
      doc.y = y + ROW;
    };
    drawRow(
      columns.map((c) => c.header),
      true,
    );
    for (const r of rows) drawRow(r, false);
  };
  return { width, ensure, heading, table };
}

function writeTitle(doc: PDFKit.PDFDocument, content: ReportContent) {
  doc.fontSize(20).text(content.title, { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#555555')
    .text(
      [
        REPORT_KIND_LABELS[content.kind].zh,
        `统计期 ${content.period.from} 至 ${content.period.to}`,
        `环比期 ${content.previous.from} 至 ${content.previous.to}`,
        `同比期 ${content.yearAgo.from} 至 ${content.yearAgo.to}`,
      ].join(' · '),
      { align: 'center' },
    )
    .text(
      `生成时间 ${content.generatedAt.slice(0, 16).replace('T', ' ')} UTC · 满意率${content.satisfactionCountsBasic ? '含' : '不含'}基本满意`,
      { align: 'center' },
    )
    .fillColor('black');
}

/** 一、主要指标 with 环比 and 同比, and the special report's focus when it has one. */
function writeHeadline(page: PageWriter, content: ReportContent) {
  page.heading('一、主要指标');
  page.table(
    [
      { header: '指标', width: 140 },
      { header: '本期', width: 75, align: 'right' },
      { header: '上期', width: 70, align: 'right' },
      { header: '环比', width: 75, align: 'right' },
      { header: '去年同期', width: 65, align: 'right' },
      { header: '同比', width: 70, align: 'right' },
    ],
    content.headline.map((h) => [
      h.nameZh,
      formatValue(h.kind, h.value),
      formatValue(h.kind, h.previous),
      formatChange(h.kind, h.vsPrevious),
      formatValue(h.kind, h.yearAgo),
      formatChange(h.kind, h.vsYearAgo),
    ]),
  );

  if (content.focus) {
    page.heading(`专题：${content.focus.name}`);
    page.table(
      [
        { header: '指标', width: 180 },
        { header: '本期', width: 100, align: 'right' },
        { header: '环比', width: 100, align: 'right' },
        { header: '同比', width: 115, align: 'right' },
      ],
      content.focus.headline.map((h) => [
        h.nameZh,
        formatValue(h.kind, h.value),
        formatChange(h.kind, h.vsPrevious),
        formatChange(h.kind, h.vsYearAgo),
      ]),
    );
  }
}

/** A table of names with their contacts and share of all contacts. */
function writeShares(page: PageWriter, nameHeader: string, rows: ReportContent['topRegions']) {
  page.table(
    [
      { header: nameHeader, width: 300 },
      { header: '受理量', width: 100, align: 'right' },
      { header: '占比', width: 95, align: 'right' },
    ],
    rows.map((c) => [c.name, String(c.contacts), formatValue('rate', c.share)]),
  );
}

/** 三 to 五: categories, districts and units ranked. */
function writeRankings(page: PageWriter, content: ReportContent) {
  page.heading('三、诉求分类排行（一级分类）');
  writeShares(page, '分类', content.topCategories);
  page.heading('四、区县分布');
  writeShares(page, '区县', content.topRegions);

  page.heading('五、承办单位排名（按考核分组，三率综合得分）');
  page.table(
    [
      { header: '分组', width: 70 },
      { header: '名次', width: 35, align: 'right' },
      { header: '单位', width: 150 },
      { header: '派单', width: 40, align: 'right' },
      { header: '综合得分', width: 55, align: 'right' },
      { header: '按时办结率', width: 50, align: 'right' },
      { header: '满意率', width: 45, align: 'right' },
      { header: '解决率', width: 50, align: 'right' },
    ],
    content.units
      .slice(0, 60)
      .map((u) => [
        u.peerGroup,
        u.rank === null ? '—' : String(u.rank),
        u.unitName,
        String(u.dispatches),
        formatValue('score', u.compositeScore),
        formatValue('rate', u.onTimeCompletionRate),
        formatValue('rate', u.satisfactionRate),
        formatValue('rate', u.resolutionRate),
      ]),
  );
}

function writeOverdue(page: PageWriter, content: ReportContent) {
  page.heading(`六、超期未办结工单（${content.overdue.length} 件${content.overdue.length >= 50 ? '，仅列前 50 件' : ''}）`);
  page.table(
    [
      { header: '工单编号', width: 95 },
      { header: '标题', width: 165 },
      { header: '承办单位', width: 110 },
      { header: '状态', width: 55 },
      { header: '办理时限', width: 70 },
    ],
    content.overdue.map((o) => [
      o.number,
      o.title,
      o.unitName ?? '—',
      STATUS_LABELS[o.status as TicketStatus]?.zh ?? o.status,
      o.handleDueAt?.slice(0, 10) ?? '—',
    ]),
  );
}

function drawTrend(doc: PDFKit.PDFDocument, trend: ReportContent['trend'], left: number, width: number, ensure: (h: number) => void) {
  const height = 120;
  ensure(height + 30);
  const top = doc.y + 5;
  const max = Math.max(1, ...trend.map((t) => t.contacts));
  const slot = width / Math.max(1, trend.length);
  doc
    .fontSize(7)
    .fillColor('#555555')
    .text(String(max), left, top - 2, { width: 40 });
  doc
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .strokeColor('#999999')
    .stroke();
  trend.forEach((t, i) => {
    const h = (t.contacts / max) * (height - 10);
    doc.rect(left + i * slot + slot * 0.15, top + height - h, slot * 0.7, h).fill('#4472c4');
    if (trend.length <= 12 || i % Math.ceil(trend.length / 10) === 0) {
      doc
        .fillColor('#555555')
        .fontSize(7)
        .text(t.day.slice(5), left + i * slot, top + height + 3, { width: Math.max(slot, 30), lineBreak: false });
    }
  });
  doc.fillColor('black');
  doc.x = left;
  doc.y = top + height + 16;
}
