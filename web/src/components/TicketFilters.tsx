/** A compact filter bar over the ticket list query parameters. */
import { useState } from 'react';
import { Button, DatePicker, Grid, Input, Select, Space } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { CHANNELS, TICKET_TYPES, URGENCIES } from '../../../common/enums.ts';
import { TICKET_STATUSES } from '../../../common/ticket-lifecycle.ts';
import type { TicketFilters as Filters } from '../api/tickets.ts';
import { CategoryCascader, RegionSelect, UnitSelect } from './pickers.tsx';

export type FilterField = 'q' | 'type' | 'urgency' | 'channel' | 'category' | 'region' | 'status' | 'sla' | 'dates' | 'unit';

export function TicketFilters(props: { value: Filters; onChange: (f: Filters) => void; fields?: FilterField[]; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const fields = props.fields ?? ['q', 'type', 'urgency', 'category', 'region', 'dates'];
  const [q, setQ] = useState(props.value.q ?? '');
  const set = (patch: Partial<Filters>) => props.onChange({ ...props.value, ...patch });
  // On a phone only the keyword box shows until the user asks for the other filters.
  const isPhone = !Grid.useBreakpoint().md;
  const [isExpanded, setExpanded] = useState(false);
  const has = (f: FilterField) => fields.includes(f) && (f === 'q' || !isPhone || isExpanded);
  const w = { width: 140 };
  return (
    <Space wrap style={{ marginBottom: 12 }} role="search" aria-label={t('common.filters')}>
      {has('q') && (
        <Input.Search
          aria-label={t('common.keyword')}
          placeholder={t('desks.searchHint')}
          title={t('desks.searchHint')}
          allowClear
          value={q}
          style={{ width: 240 }}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
      )}
      {has('status') && (
        <Select
          aria-label={t('ticket.status')}
          mode="multiple"
          maxTagCount={1}
          placeholder={t('ticket.status')}
          style={{ minWidth: 160 }}
          allowClear
          value={props.value.status ?? []}
          onChange={(v) => set({ status: v.length ? v : undefined })}
          options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`enums.status.${s}`) }))}
        />
      )}
      {has('type') && (
        <Select
          aria-label={t('ticket.type')}
          placeholder={t('ticket.type')}
          style={w}
          allowClear
          value={props.value.type}
          onChange={(v) => set({ type: v })}
          options={TICKET_TYPES.map((v) => ({ value: v, label: t(`enums.type.${v}`) }))}
        />
      )}
      {has('urgency') && (
        <Select
          aria-label={t('ticket.urgency')}
          placeholder={t('ticket.urgency')}
          style={{ width: 110 }}
          allowClear
          value={props.value.urgency}
          onChange={(v) => set({ urgency: v })}
          options={URGENCIES.map((v) => ({ value: v, label: t(`enums.urgency.${v}`) }))}
        />
      )}
      {has('channel') && (
        <Select
          aria-label={t('ticket.channel')}
          placeholder={t('ticket.channel')}
          style={w}
          allowClear
          value={props.value.channel}
          onChange={(v) => set({ channel: v })}
          options={CHANNELS.map((v) => ({ value: v, label: t(`enums.channel.${v}`) }))}
        />
      )}
      {has('sla') && (
        <Select
          aria-label={t('ticket.sla')}
          placeholder={t('ticket.sla')}
          style={{ width: 120 }}
          allowClear
          value={props.value.slaState}
          onChange={(v) => set({ slaState: v })}
          options={(['at_risk', 'overdue'] as const).map((v) => ({ value: v, label: t(`enums.sla.${v}`) }))}
        />
      )}
      {has('category') && (
        <CategoryCascader
          aria-label={t('ticket.category')}
          placeholder={t('ticket.category')}
          style={{ width: 200 }}
          value={props.value.categoryId}
          onChange={(v) => set({ categoryId: v ?? undefined })}
        />
      )}
      {has('region') && (
        <RegionSelect
          aria-label={t('ticket.region')}
          placeholder={t('ticket.region')}
          style={{ width: 160 }}
          value={props.value.regionId}
          onChange={(v) => set({ regionId: v ?? undefined })}
        />
      )}
      {has('unit') && (
        <UnitSelect
          aria-label={t('ticket.leadUnit')}
          placeholder={t('ticket.leadUnit')}
          style={{ width: 200 }}
          value={props.value.unitId}
          onChange={(v: number | null) => set({ unitId: v ?? undefined })}
        />
      )}
      {has('dates') && (
        <DatePicker.RangePicker
          aria-label={t('common.dateRange')}
          style={{ width: 240 }}
          value={props.value.from && props.value.to ? [dayjs(props.value.from), dayjs(props.value.to)] : null}
          onChange={(range) => {
            const [from, to] = (range ?? []) as (Dayjs | null)[];
            set({ from: from?.startOf('day').toISOString(), to: to?.endOf('day').toISOString() });
          }}
        />
      )}
      {isPhone && fields.length > 1 && (
        <Button icon={<FilterOutlined />} aria-expanded={isExpanded} onClick={() => setExpanded(!isExpanded)}>
          {t('common.filters')}
        </Button>
      )}
      {(!isPhone || isExpanded) && (
        <Button
          onClick={() => {
            setQ('');
            props.onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      )}
      {props.extra}
    </Space>
  );
}
