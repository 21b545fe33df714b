import type { TFunction } from 'i18next';
import type { TicketSummary } from '../api/types.ts';
import type { ExcelColumn } from '../lib/excel.ts';
import { formatTime } from '../lib/format.ts';

/** The columns of a ticket list export, in the user's language. */
export function ticketExportColumns(t: TFunction): ExcelColumn<TicketSummary>[] {
  return [
    { header: t('ticket.number'), width: 18, value: (r) => r.number },
    { header: t('ticket.title'), width: 40, value: (r) => r.title },
    { header: t('ticket.channel'), value: (r) => t(`enums.channel.${r.channel}`) },
    { header: t('ticket.type'), value: (r) => t(`enums.type.${r.type}`) },
    { header: t('ticket.urgency'), value: (r) => t(`enums.urgency.${r.urgency}`) },
    { header: t('ticket.status'), value: (r) => t(`enums.status.${r.status}`) },
    { header: t('ticket.sla'), value: (r) => t(`enums.sla.${r.slaState}`) },
    { header: t('ticket.category'), width: 30, value: (r) => r.categoryName },
    { header: t('ticket.region'), value: (r) => r.regionName },
    { header: t('ticket.leadUnit'), width: 24, value: (r) => r.leadUnitName },
    { header: t('ticket.phone'), value: (r) => r.citizenPhone },
    { header: t('ticket.createdAt'), width: 18, value: (r) => formatTime(r.createdAt) },
    { header: t('ticket.signDue'), width: 18, value: (r) => formatTime(r.signDueAt) },
    { header: t('ticket.handleDue'), width: 18, value: (r) => formatTime(r.handleDueAt) },
  ];
}
