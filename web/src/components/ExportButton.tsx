import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { downloadExcel, type ExcelColumn } from '../lib/excel.ts';

/** Fetches every row of the current filter from the server and saves it as .xlsx. */
export function ExportButton<T>(props: {
  filename: string;
  columns: ExcelColumn<T>[];
  fetchRows: () => Promise<T[]>;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={isBusy}
      size={props.size}
      onClick={async () => {
        setBusy(true);
        try {
          const rows = await props.fetchRows();
          await downloadExcel(props.filename, props.filename, props.columns, rows);
          message.success(t('common.exported', { count: rows.length }));
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {isBusy ? t('common.exporting') : t('common.export')}
    </Button>
  );
}
