/** The ticket list every workbench uses: server pages, row selection, open on click or Enter. */
import { Button, Pagination, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../api/types.ts';
import type { TicketPages } from '../hooks/useTicketPages.ts';

interface Paged {
  pageIndex: number;
  hasNext: boolean;
  hasPrev: boolean;
  next: () => void;
  prev: () => void;
  /** With a total the pager numbers the pages and lets the user jump to one */
  total?: number;
  pageSize?: number;
  goTo?: (index: number) => void;
}
import { formatShortTime, formatTime } from '../lib/format.ts';
import { ErrorState, EmptyState } from './PageState.tsx';
import { SlaTag, StatusTag, SupervisedTag, UrgencyTag } from './Tags.tsx';

/**
 * Below this the title column would be unreadable (an urgent order's 紧急 tag would leave one or two characters of its
 * title): the table scrolls sideways instead, with the number pinned left and the last column pinned right.
 */
const TITLE_MIN_WIDTH = 200;
/** The checkbox column of a list whose rows can be picked (antd's own width for it). */
const SELECTION_WIDTH = 32;

/**
 * Column widths (px) that hold their content on one line in each language, so that 工单查询 fits a 1366 px desktop in
 * Chinese and a 1440 px one in English without scrolling; longer values end in an ellipsis with the full text on hover.
 */
const WIDTHS: Record<Exclude<TicketColumn, 'title'>, { zh: number; en: number }> = {
  number: { zh: 136, en: 136 },
  type: { zh: 76, en: 124 },
  status: { zh: 96, en: 144 },
  category: { zh: 128, en: 128 },
  region: { zh: 84, en: 84 },
  leadUnit: { zh: 116, en: 116 },
  phone: { zh: 112, en: 112 },
  createdAt: { zh: 100, en: 100 },
  handleDue: { zh: 100, en: 100 },
  signDue: { zh: 100, en: 100 },
  due: { zh: 136, en: 148 },
};

export type TicketColumn =
  'number' | 'title' | 'type' | 'status' | 'category' | 'region' | 'leadUnit' | 'createdAt' | 'handleDue' | 'signDue' | 'due' | 'phone';

export function TicketTable(props: {
  pages: TicketPages;
  columns?: TicketColumn[];
  onOpen?: (ticket: TicketSummary) => void;
  /** The order shown beside or over the list: its row is highlighted (aria-selected). */
  activeId?: number | null;
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
  size?: 'small' | 'middle';
  testId?: string;
  /** The title's least width before the table scrolls sideways (a queue in half the screen takes less). */
  titleMinWidth?: number;
}) {
  const { t, i18n } = useTranslation();
  const { pages } = props;
  const width = (column: keyof typeof WIDTHS) => WIDTHS[column][i18n.language.startsWith('en') ? 'en' : 'zh'];
  const time = (v: string | null) => <span title={formatTime(v)}>{formatShortTime(v)}</span>;
  const wanted = props.columns ?? ['number', 'title', 'type', 'status', 'category', 'leadUnit', 'createdAt', 'handleDue'];
  const all: Record<TicketColumn, ColumnsType<TicketSummary>[number]> = {
    number: {
      title: t('ticket.number'),
      dataIndex: 'number',
      width: width('number'),
      fixed: 'left',
      render: (v: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          className="lx-mono"
          aria-label={t('ticket.openDetail', { number: v })}
          onClick={(e) => {
            e.stopPropagation();
            props.onOpen?.(r);
          }}
        >
          {v}
        </Button>
      ),
    },
    title: {
      // no width: the title takes what the other columns leave (at least TITLE_MIN_WIDTH, then the table scrolls)
      title: t('ticket.title'),
      dataIndex: 'title',
      ellipsis: { showTitle: true },
      render: (v: string, r) => (
        <span>
          {/* a list without a status column (the dispatch queue) still tells a returned order (已退单) from a new one */}
          {!wanted.includes('status') && r.status === 'returned' && <StatusTag status={r.status} />}
          <UrgencyTag urgency={r.urgency} />
          <SlaTag state={r.slaState} />
          <SupervisedTag isSupervised={r.isSupervised} />
          {v}
        </span>
      ),
    },
    type: {
      title: t('ticket.type'),
      dataIndex: 'type',
      width: width('type'),
      ellipsis: { showTitle: true },
      render: (v: string) => t(`enums.type.${v}`),
    },
    status: { title: t('ticket.status'), dataIndex: 'status', width: width('status'), render: (v) => <StatusTag status={v} /> },
    category: {
      title: t('ticket.category'),
      dataIndex: 'categoryName',
      ellipsis: { showTitle: true },
      width: width('category'),
      render: (v: string | null) => (v ? shortPath(v) : '—'),
    },
    region: {
      title: t('ticket.region'),
      dataIndex: 'regionName',
      ellipsis: { showTitle: true },
      width: width('region'),
      render: (v) => v ?? '—',
    },
    leadUnit: {
      title: t('ticket.leadUnit'),
      dataIndex: 'leadUnitName',
      ellipsis: { showTitle: true },
      width: width('leadUnit'),
      render: (v) => v ?? '—',
    },
    createdAt: { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: width('createdAt'), ellipsis: true, render: time },
    handleDue: { title: t('ticket.handleDue'), dataIndex: 'handleDueAt', width: width('handleDue'), ellipsis: true, render: time },
    signDue: { title: t('ticket.signDue'), dataIndex: 'signDueAt', width: width('signDue'), ellipsis: true, render: time },
    // the deadline the order is running against: signing while it waits to be signed, then handling
    due: {
      title: t('ticket.due'),
      key: 'due',
      width: width('due'),
      ellipsis: true,
      render: (_, r) => {
        const isSigning = r.status === 'pending_sign' && !!r.signDueAt;
        const at = isSigning ? r.signDueAt : r.handleDueAt;
        return (
          <span data-testid="due" title={`${t(isSigning ? 'ticket.signDue' : 'ticket.handleDue')} ${formatTime(at)}`}>
            {t(isSigning ? 'ticket.dueSign' : 'ticket.dueHandle')} {formatShortTime(at)}
          </span>
        );
      },
    },
    phone: {
      title: t('ticket.phone'),
      dataIndex: 'citizenPhone',
      width: width('phone'),
      render: (v) => (
        <span className="lx-mono lx-nowrap" data-testid="masked-phone">
          {v ?? '—'}
        </span>
      ),
    },
  };
  const columns = wanted.map((k, i) =>
    // On a screen too narrow for every column the last one stays in view (pinned right) while the middle ones scroll.
    i === wanted.length - 1 && i > 0 && all[k].width ? { ...all[k], fixed: 'right' as const } : all[k],
  );
  if (pages.query.error && !pages.query.data) return <ErrorState error={pages.query.error} onRetry={() => void pages.query.refetch()} />;
  return (
    <div data-testid={props.testId}>
      <Table<TicketSummary>
        rowKey="id"
        size={props.size ?? 'small'}
        columns={columns}
        dataSource={pages.items}
        loading={pages.query.isFetching}
        pagination={false}
        scroll={{
          x: wanted.reduce(
            (sum, k) => sum + (Number(all[k].width) || (props.titleMinWidth ?? TITLE_MIN_WIDTH)),
            props.onSelect ? SELECTION_WIDTH : 0,
          ),
        }}
        locale={{ emptyText: <EmptyState /> }}
        rowSelection={
          props.onSelect ? { selectedRowKeys: props.selectedIds, onChange: (keys) => props.onSelect!(keys as number[]) } : undefined
        }
        rowClassName={(r) => (r.id === props.activeId ? 'lx-row-active' : '')}
        onRow={(r) =>
          ({
            onDoubleClick: () => props.onOpen?.(r),
            // A click anywhere on the row acts on it: where rows can be picked it picks that order alone (Ctrl, ⌘ or
            // Shift adds it to the others, as the checkbox does), elsewhere it opens the order, so the order acted on
            // is always the one the user clicked and looking at a second order never turns into bulk work.
            onClick: props.onSelect
              ? (e: React.MouseEvent) => {
                  const ids = props.selectedIds ?? [];
                  if (e.ctrlKey || e.metaKey || e.shiftKey)
                    props.onSelect!(ids.includes(r.id) ? ids.filter((id) => id !== r.id) : [...ids, r.id]);
                  else props.onSelect!([r.id]);
                }
              : () => props.onOpen?.(r),
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' && e.target === e.currentTarget) props.onOpen?.(r);
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
            'aria-selected': props.onSelect ? (props.selectedIds ?? []).includes(r.id) : r.id === props.activeId,
            'data-number': r.number,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      <Pager pages={pages} />
    </div>
  );
}

export function Pager({ pages }: { pages: Paged }) {
  const { t } = useTranslation();
  if (pages.total !== undefined && pages.goTo && pages.pageSize) {
    return (
      <Pagination
        size="small"
        style={{ marginTop: 8, justifyContent: 'flex-end' }}
        data-testid="pager"
        current={pages.pageIndex + 1}
        pageSize={pages.pageSize}
        total={pages.total}
        showSizeChanger={false}
        showQuickJumper
        showTotal={(total) => (
          <span data-testid="list-total" data-total={total}>
            {t('desks.total', { count: total })}
          </span>
        )}
        onChange={(page) => pages.goTo!(page - 1)}
      />
    );
  }
  return (
    <Space style={{ marginTop: 8, justifyContent: 'flex-end', width: '100%' }}>
      <Typography.Text type="secondary">{t('common.page', { page: pages.pageIndex + 1 })}</Typography.Text>
      <Button size="small" disabled={!pages.hasPrev} onClick={pages.prev}>
        {t('common.prevPage')}
      </Button>
      <Button size="small" disabled={!pages.hasNext} onClick={pages.next}>
        {t('common.nextPage')}
      </Button>
    </Space>
  );
}

/** "城市管理 / 市政设施 / 路灯不亮" → "市政设施 / 路灯不亮": the last two levels say enough in a list. */
function shortPath(pathName: string): string {
  const parts = pathName.split(/\s*\/\s*/);
  return parts.slice(-2).join(' / ');
}
