/** 模型管理: train the dispatch models on demand; every version with its holdout evaluation (accuracy, macro-F1, per class, confusion matrix). */
import { useState } from 'react';
import { Alert, App, Card, Descriptions, Drawer, Dropdown, Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { getModel, listModels, trainModels, type ModelDetail, type ModelVersion, type TrainOutcome } from '../../api/insight.ts';
import { keys } from '../../api/keys.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { EmptyState, ErrorState, QueryState } from '../../components/PageState.tsx';
import { formatTime } from '../../lib/format.ts';

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** Figures computed on the demo city's generated orders are marked as such: they are no claim about real orders. */
function SyntheticTag({ share }: { share: number | null }) {
  const { t } = useTranslation();
  if (!share) return null;
  const shown = `${Math.round(share * 100)}%`;
  return (
    <Tooltip title={t('insight.syntheticHelp', { share: shown })}>
      <Tag color="orange" data-testid="synthetic-tag" style={{ cursor: 'help' }}>
        {share >= 0.995 ? t('insight.synthetic') : t('insight.syntheticPart', { share: shown })}
      </Tag>
    </Tooltip>
  );
}

export function ModelsAdmin() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [openId, setOpenId] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<TrainOutcome | null>(null);
  const query = useQuery({ queryKey: keys.admin.insightModels(), queryFn: async () => (await listModels()).items });
  const train = useMutation({
    mutationFn: trainModels,
    onSuccess: (result) => {
      setOutcome(result);
      message.success(t('insight.trained', { count: result.models.length }));
      void queryClient.invalidateQueries({ queryKey: keys.admin.insightModels() });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const kind = (k: string) => t(`insight.labelKind.${k}`);
  const rows = query.data ?? [];
  return (
    <Card size="small" data-testid="models-admin" title={t('insight.models')}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Dropdown.Button
          type="primary"
          loading={train.isPending}
          onClick={() => train.mutate('both')}
          data-testid="train"
          menu={{
            items: [
              { key: 'category', label: t('insight.trainKind', { kind: kind('category') }) },
              { key: 'unit', label: t('insight.trainKind', { kind: kind('unit') }) },
            ],
            onClick: ({ key }) => train.mutate(key as 'category' | 'unit'),
          }}
        >
          <ExperimentOutlined /> {train.isPending ? t('insight.training') : t('insight.trainNow')}
        </Dropdown.Button>
        <ExportButton
          filename={t('insight.models')}
          fetchRows={async () => rows}
          columns={[
            { header: t('insight.kind'), value: (m: ModelVersion) => kind(m.labelKind) },
            { header: t('insight.version'), value: (m) => m.version },
            { header: t('insight.inUse'), value: (m) => (m.isInUse ? t('common.yes') : t('common.no')) },
            { header: t('insight.examples'), value: (m) => m.examples },
            { header: t('insight.classes'), value: (m) => m.classes },
            { header: t('insight.accuracy'), value: (m) => pct(m.accuracy) },
            { header: t('insight.macroF1'), value: (m) => pct(m.macroF1) },
            { header: t('insight.weightedF1'), value: (m) => pct(m.weightedF1) },
            { header: t('insight.synthetic'), value: (m) => pct(m.syntheticShare) },
            { header: t('insight.trainedBy'), value: (m) => m.trainedByName ?? t('insight.scheduled') },
            { header: t('admin.createdAt'), width: 18, value: (m) => formatTime(m.createdAt) },
          ]}
        />
        <Typography.Text type="secondary">{t('insight.trainHint')}</Typography.Text>
      </Space>
      {outcome && (
        <Alert
          type={outcome.skipped.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          style={{ marginBottom: 12 }}
          data-testid="train-outcome"
          title={
            outcome.models
              .map(
                (m) =>
                  t('insight.trainedModel', {
                    kind: kind(m.labelKind),
                    version: m.version,
                    accuracy: pct(m.accuracy),
                    macroF1: pct(m.macroF1),
                    examples: m.examples,
                  }) + (m.syntheticShare ? ` · ${t('insight.synthetic')} ${pct(m.syntheticShare)}` : ''),
              )
              .join('；') || t('insight.nothingTrained')
          }
          description={
            outcome.skipped.length
              ? outcome.skipped.map((s) => `${kind(s.labelKind)}：${i18n.language.startsWith('en') ? s.messageEn : s.message}`).join('；')
              : undefined
          }
        />
      )}
      {query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ModelVersion>
          rowKey="id"
          size="small"
          loading={query.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: <EmptyState description={t('insight.noModels')} /> }}
          onRow={(m) => ({ onClick: () => setOpenId(m.id), style: { cursor: 'pointer' }, 'data-testid': 'model-version' }) as never}
          columns={[
            { title: t('insight.kind'), dataIndex: 'labelKind', width: 100, render: kind },
            {
              title: t('insight.version'),
              dataIndex: 'version',
              width: 230,
              render: (v: number, m) => (
                <Space size={4}>
                  <b>v{v}</b>
                  {m.isInUse && <Tag color="green">{t('insight.inUse')}</Tag>}
                  <SyntheticTag share={m.syntheticShare} />
                </Space>
              ),
            },
            { title: t('insight.examples'), dataIndex: 'examples', width: 100 },
            { title: t('insight.classes'), dataIndex: 'classes', width: 80, render: (v) => v ?? '—' },
            {
              title: <Tooltip title={t('insight.holdoutHelp')}>{t('insight.accuracy')}</Tooltip>,
              dataIndex: 'accuracy',
              width: 100,
              render: pct,
            },
            { title: t('insight.macroF1'), dataIndex: 'macroF1', width: 100, render: pct },
            { title: t('insight.weightedF1'), dataIndex: 'weightedF1', width: 100, render: pct },
            {
              title: t('insight.warnings'),
              dataIndex: 'warnings',
              ellipsis: true,
              render: (w: string[]) =>
                w.length ? (
                  <Tooltip title={w.join('\n')}>
                    <Tag color="orange">{w.length}</Tag>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            { title: t('insight.trainedBy'), dataIndex: 'trainedByName', width: 120, render: (v) => v ?? t('insight.scheduled') },
            { title: t('admin.createdAt'), dataIndex: 'createdAt', width: 150, render: formatTime },
          ]}
        />
      )}
      <ModelDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}

function ModelDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const query = useQuery({ queryKey: keys.admin.insightModels(id), queryFn: () => getModel(id!), enabled: id !== null });
  const name = (x: { label: string; name: string | null }) => (x.label === '*' ? t('insight.otherClasses') : (x.name ?? `#${x.label}`));
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={screens.lg ? 980 : '100%'}
      destroyOnHidden
      title={query.data ? `${t(`insight.labelKind.${query.data.labelKind}`)} v${query.data.version}` : t('common.loading')}
    >
      <QueryState query={query}>
        {(m: ModelDetail) => (
          <div data-testid="model-detail">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              bordered
              items={[
                { key: 'a', label: t('insight.accuracy'), children: pct(m.accuracy) },
                { key: 'f', label: t('insight.macroF1'), children: pct(m.macroF1) },
                { key: 'w', label: t('insight.weightedF1'), children: pct(m.weightedF1) },
                { key: 'e', label: t('insight.examples'), children: m.examples },
                { key: 'h', label: t('insight.holdout'), children: m.holdoutCount ?? '—' },
                {
                  key: 'c',
                  label: <Tooltip title={t('insight.calibrationHelp')}>{t('insight.calibration')}</Tooltip>,
                  children: m.expectedCalibrationError === null ? '—' : m.expectedCalibrationError.toFixed(3),
                },
                {
                  key: 's',
                  label: t('insight.shipped'),
                  span: { xs: 1, md: 3 },
                  children:
                    m.isRefitted === null
                      ? '—'
                      : t(m.isRefitted ? 'insight.shippedRefitted' : 'insight.shippedEvaluated', {
                          examples: m.isRefitted ? m.examples : m.examples - (m.holdoutCount ?? 0),
                        }),
                },
              ]}
            />
            {m.syntheticShare ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                data-testid="synthetic-note"
                title={
                  <Space size={4}>
                    <SyntheticTag share={m.syntheticShare} />
                  </Space>
                }
                description={t('insight.syntheticHelp', { share: `${Math.round(m.syntheticShare * 100)}%` })}
              />
            ) : null}
            {m.warnings.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={m.warnings.join('；')} />}
            <Space style={{ margin: '16px 0 8px', justifyContent: 'space-between', width: '100%' }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('insight.perClass')}
              </Typography.Title>
              <ExportButton
                size="small"
                filename={`${t('insight.perClass')}-v${m.version}`}
                fetchRows={async () => m.perClass}
                columns={[
                  { header: t('insight.className'), width: 40, value: (c: ModelDetail['perClass'][number]) => name(c) },
                  { header: t('insight.precision'), value: (c) => pct(c.precision) },
                  { header: t('insight.recall'), value: (c) => pct(c.recall) },
                  { header: 'F1', value: (c) => pct(c.f1) },
                  { header: t('insight.support'), value: (c) => c.support },
                ]}
              />
            </Space>
            <Table
              rowKey="label"
              size="small"
              dataSource={m.perClass}
              pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
              columns={[
                { title: t('insight.className'), render: (_, c) => name(c), ellipsis: true },
                {
                  title: t('insight.precision'),
                  dataIndex: 'precision',
                  width: 90,
                  render: pct,
                  sorter: (a, b) => a.precision - b.precision,
                },
                { title: t('insight.recall'), dataIndex: 'recall', width: 90, render: pct, sorter: (a, b) => a.recall - b.recall },
                {
                  title: 'F1',
                  dataIndex: 'f1',
                  width: 90,
                  render: (v: number) => <span style={{ color: v < 0.6 ? '#cf1322' : undefined }}>{pct(v)}</span>,
                  sorter: (a, b) => a.f1 - b.f1,
                },
                { title: t('insight.support'), dataIndex: 'support', width: 80, sorter: (a, b) => a.support - b.support },
              ]}
            />
            <Typography.Title level={5}>{t('insight.confusion')}</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('insight.confusionHelp')}
            </Typography.Paragraph>
            {m.confusion ? <ConfusionMatrix labels={m.confusion.labels.map(name)} matrix={m.confusion.matrix} /> : <EmptyState />}
          </div>
        )}
      </QueryState>
    </Drawer>
  );
}

/** Rows: actual class; columns: predicted; the diagonal is right, shades show counts relative to the row. */
function ConfusionMatrix({ labels, matrix }: { labels: string[]; matrix: number[][] }) {
  const { t } = useTranslation();
  const short = (s: string) => s.split(' / ').at(-1)!;
  return (
    <div className="lx-scroll" style={{ maxHeight: 520 }} data-testid="confusion-matrix">
      <table style={{ borderCollapse: 'collapse', fontSize: 12 }}>
        <thead>
          <tr>
            <th style={{ position: 'sticky', left: 0, background: '#fff', padding: 4, textAlign: 'left' }}>
              {t('insight.actualPredicted')}
            </th>
            {labels.map((l, j) => (
              <th
                key={j}
                title={l}
                style={{
                  padding: 4,
                  writingMode: 'vertical-rl',
                  maxHeight: 120,
                  overflow: 'hidden',
                  fontWeight: 'normal',
                  verticalAlign: 'bottom',
                }}
              >
                {short(l)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={i}>
                <th
                  title={labels[i]}
                  style={{
                    position: 'sticky',
                    left: 0,
                    background: '#fff',
                    padding: '2px 6px',
                    textAlign: 'left',
                    fontWeight: 'normal',
                    whiteSpace: 'nowrap',
                    maxWidth: 200,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                  }}
                >
                  {short(labels[i])}
                </th>
                {row.map((n, j) => {
                  const share = n / total;
                  const background =
                    n === 0 ? '#fafafa' : i === j ? `rgba(82, 196, 26, ${0.15 + 0.75 * share})` : `rgba(245, 34, 45, ${0.1 + 0.7 * share})`;
                  return (
                    <td
                      key={j}
                      title={`${labels[i]} → ${labels[j]}: ${n}`}
                      style={{
                        minWidth: 28,
                        height: 24,
                        textAlign: 'center',
                        border: '1px solid #f0f0f0',
                        background,
                        color: share > 0.6 ? '#fff' : undefined,
                      }}
                    >
                      {n || ''}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
