/**
 * 人民网留言板 and 微博 on the written-contacts page: an agent imports the board's exported list (each message joins the
 * queue once, by the board's id; a file with any bad row imports nothing and lists the rows to fix), and exports the
 * answers given in a period as the file the centre uploads back to the board.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Segmented, Select, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../common/limits.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { contactsApi, type BoardProblem, type BoardSource } from '../../api/contacts.ts';
import { keys } from '../../api/keys.ts';

export function BoardsPanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<BoardSource>('people_cn');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(7, 'day').startOf('day'), dayjs().endOf('day')]);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const isEnglish = i18n.language.startsWith('en');

  const importer = useMutation({
    mutationFn: (file: File) => contactsApi.importBoard(source, file),
    onSuccess: (result) => {
      message.success(t('contacts.boards.imported', { rows: result.rows, created: result.created, duplicates: result.duplicates }));
      void queryClient.invalidateQueries({ queryKey: keys.contacts.all });
    },
  });
  /** A refused file: the server's message and the rows to fix. */
  const refusal = importer.error ? refusalOf(importer.error) : null;

  return (
    <Card
      size="small"
      title={t('contacts.boards.title')}
      data-testid="boards-panel"
      extra={
        <Segmented<BoardSource>
          value={source}
          onChange={(v) => {
            setSource(v);
            if (!importer.isPending) importer.reset();
          }}
          data-testid="boards-source"
          options={(['people_cn', 'weibo'] as const).map((s) => ({ value: s, label: t(`enums.channel.${s}`) }))}
        />
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Upload
            accept=".csv,.xlsx,.json,.jsonl,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/json"
            showUploadList={false}
            data-testid="boards-upload"
            beforeUpload={(file) => {
              if (file.size > LIMITS.boardFileMaxBytes) {
                message.error(t('errors.fileTooLarge', { mb: LIMITS.boardFileMaxBytes / 1024 / 1024 }));
                return Upload.LIST_IGNORE;
              }
              importer.mutate(file as File);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importer.isPending} data-testid="boards-import">
              {t('contacts.boards.import')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('contacts.boards.importHint')}</Typography.Text>
        </Space>
        {refusal && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => importer.reset()}
            data-testid="boards-refusal"
            title={refusal.text}
            description={
              refusal.problems.length > 0 && (
                <Table<BoardProblem>
                  size="small"
                  rowKey={(p) => `${p.row}-${p.column}`}
                  pagination={false}
                  dataSource={refusal.problems}
                  data-testid="boards-problems"
                  footer={
                    refusal.count > refusal.problems.length
                      ? () => t('contacts.boards.moreProblems', { count: refusal.count - refusal.problems.length })
                      : undefined
                  }
                  columns={[
                    { title: t('contacts.boards.row'), dataIndex: 'row', key: 'row', width: 70 },
                    { title: t('contacts.boards.column'), dataIndex: 'column', key: 'column', width: 120 },
                    {
                      title: t('contacts.boards.reason'),
                      key: 'reason',
                      render: (_: unknown, p) => (isEnglish ? p.message_en : p.message),
                    },
                  ]}
                />
              )
            }
          />
        )}
        <Space wrap>
          <DatePicker.RangePicker
            value={range}
            aria-label={t('contacts.boards.period')}
            allowClear={false}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0].startOf('day'), v[1].endOf('day')]);
            }}
          />
          <Select
            value={format}
            onChange={setFormat}
            style={{ width: 110 }}
            aria-label={t('contacts.boards.format')}
            options={[
              { value: 'xlsx', label: 'Excel' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
          <Button
            icon={<DownloadOutlined />}
            data-testid="boards-export"
            href={contactsApi.boardRepliesUrl(source, { since: range[0].toISOString(), until: range[1].toISOString(), format })}
          >
            {t('contacts.boards.export')}
          </Button>
          <Typography.Text type="secondary">{t('contacts.boards.exportHint')}</Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}

function refusalOf(err: unknown): { text: string; problems: BoardProblem[]; count: number } {
  const details = err instanceof ApiError ? (err.details as { problems?: BoardProblem[]; problemCount?: number } | null) : null;
  return { text: errorMessage(err), problems: details?.problems ?? [], count: details?.problemCount ?? 0 };
}
