/**
 * The files message boards export and take back: CSV (UTF-8 or the GB18030 that Excel writes on Chinese Windows),
 * Excel workbooks (.xlsx, first sheet) and JSON (an array of objects, or one object per line). Reading gives a table
 * of text cells under the file's own headers; writing makes the same kinds of file. Pure apart from exceljs.
 */
import ExcelJS from 'exceljs';

export type BoardFileFormat = 'csv' | 'xlsx' | 'json';

/** A file's rows under its own headers; `line` is the row's number as a person opening the file sees it (header = 1). */
export interface BoardTable {
  format: BoardFileFormat;
  headers: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

export class BoardFileError extends Error {
  constructor(
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(messageEn);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The file's format by its content (a name or content type can lie; the first bytes do not). */
export function formatOf(bytes: Buffer): BoardFileFormat {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new BoardFileError(
      '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV',
      'Old Excel (.xls) files are not supported; save as .xlsx or CSV',
    );
  }
  const first = decodeText(bytes.subarray(0, 64)).trimStart();
  return first.startsWith('[') || first.startsWith('{') ? 'json' : 'csv';
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readBoardFile(bytes: Buffer): Promise<BoardTable> {
  if (bytes.length === 0) throw new BoardFileError('文件为空', 'The file is empty');
  const format = formatOf(bytes);
  if (format === 'xlsx') return readXlsx(bytes);
  const text = decodeText(bytes);
  return format === 'json' ? readJson(text) : readCsv(text);
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Semicolon or tab separated files too. */
export function readCsv(text: string): BoardTable {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = [',', '\t', ';'].map((s) => ({ s, n: firstLine.split(s).length })).sort((a, b) => b.n - a.n)[0].s;
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') inQuotes = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  if (inQuotes) throw new BoardFileError(`CSV 第 ${recordLine} 行的引号没有闭合`, `CSV line ${recordLine}: a quoted field is not closed`);
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (nonEmpty.length === 0) throw new BoardFileError('文件为空', 'The file is empty');
  const headers = nonEmpty[0].fields.map((h) => h.trim());
  return {
    format: 'csv',
    headers,
    rows: nonEmpty
      .slice(1)
      .map((r) => ({ line: r.line, cells: Object.fromEntries(headers.map((h, i) => [h, (r.fields[i] ?? '').trim()])) })),
  };
}

function readJson(text: string): BoardTable {
  let items: unknown[];
  try {
    const trimmed = text.trim();
    items = trimmed.startsWith('[')
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed
          .split(/\r?\n/)
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as unknown);
  } catch (error) {
    throw new BoardFileError(`JSON 无法解析：${(error as Error).message}`, `The JSON cannot be read: ${(error as Error).message}`);
  }
  const headers = [...new Set(items.flatMap((item) => (item && typeof item === 'object' ? Object.keys(item) : [])))];
  return {
    format: 'json',
    headers,
    rows: items.map((item, i) => ({
      line: i + 1,
      cells: Object.fromEntries(
        Object.entries(item && typeof item === 'object' ? item : {}).map(([k, v]) => [
          k,
          v === null || v === undefined ? '' : String(v).trim(),
        ]),
      ),
    })),
  };
}

async function readXlsx(bytes: Buffer): Promise<BoardTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new BoardFileError(
      `Excel 文件无法读取：${(error as Error).message}`,
      `The Excel file cannot be read: ${(error as Error).message}`,
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new BoardFileError('文件为空', 'The file is empty');
  let headers: string[] = [];
  const rows: BoardTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = Array.from({ length: Math.max(row.cellCount, headers.length) }, (_, i) => cellText(row.getCell(i + 1).value));
    if (headers.length === 0) {
      headers = values.map((v) => v.trim());
      return;
    }
    if (values.every((v) => v.trim() === '')) return;
    rows.push({ line, cells: Object.fromEntries(headers.map((h, i) => [h, (values[i] ?? '').trim()])) });
  });
  return { format: 'xlsx', headers, rows };
}

/**
 * A cell as text. Excel keeps dates without a zone and exceljs hands them over as if they were UTC, so a date cell
 * becomes the wall-clock time it shows (read later as Beijing time, like the text times of the same column).
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/** A table written as a file: CSV with a BOM (so Excel opens the Chinese as UTF-8) or an Excel workbook. */
export async function writeBoardFile(
  format: 'csv' | 'xlsx',
  headers: string[],
  rows: (string | number)[][],
  sheetName: string,
): Promise<Buffer> {
  if (format === 'csv') {
    const quote = (v: string | number) => {
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    return Buffer.from(`\uFEFF${[headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianxin 连心';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((c, i) => {
    c.width = Math.min(60, Math.max(12, ...rows.map((r) => String(r[i] ?? '').length * 2)));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
