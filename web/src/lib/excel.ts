/** Excel export in the browser; exceljs is loaded only when someone exports. */
export interface ExcelColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

/** exceljs, loaded on first use. It is CommonJS: depending on the bundler its exports are the module's default or the module. */
export async function loadExcelJs() {
  const module = await import('exceljs');
  return module.default ?? module;
}

export async function downloadExcel<T>(filename: string, sheetName: string, columns: ExcelColumn<T>[], rows: T[]) {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 16 }));
  for (const row of rows) {
    const record: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      record[`c${i}`] = c.value(row) ?? '';
    });
    sheet.addRow(record);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename.endsWith('.xlsx') ? filename : `${filename}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
