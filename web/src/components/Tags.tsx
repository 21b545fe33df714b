import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../common/ticket-lifecycle.ts';

const STATUS_COLOR: Partial<Record<TicketStatus, string>> = {
  pending_dispatch: 'orange',
  pending_sign: 'gold',
  handling: 'blue',
  extension_pending: 'purple',
  returned: 'volcano',
  objected: 'magenta',
  pending_review: 'cyan',
  pending_callback: 'geekblue',
  callback_unsatisfied: 'red',
  closed: 'green',
};

/** `status` as the API gives it: some answers (possible duplicates) type it as a plain string. */
export function StatusTag({ status }: { status: TicketStatus | (string & {}) }) {
  const { t } = useTranslation();
  const label = t(`enums.status.${status}`);
  return (
    <Tag color={STATUS_COLOR[status as TicketStatus] ?? 'default'} data-status={status} className="lx-tag" title={label}>
      {label}
    </Tag>
  );
}

export function SlaTag({ state }: { state: string }) {
  const { t } = useTranslation();
  if (state === 'overdue') return <Tag color="red">{t('enums.sla.overdue')}</Tag>;
  if (state === 'at_risk') return <Tag color="orange">{t('enums.sla.at_risk')}</Tag>;
  return null;
}

/** 督办: the centre has issued a supervision notice on the order. */
export function SupervisedTag({ isSupervised }: { isSupervised: boolean }) {
  const { t } = useTranslation();
  return isSupervised ? (
    <Tag color="volcano" data-testid="supervised-tag">
      {t('ticket.supervised')}
    </Tag>
  ) : null;
}

export function UrgencyTag({ urgency }: { urgency: string }) {
  const { t } = useTranslation();
  return urgency === 'urgent' ? <Tag color="red">{t('enums.urgency.urgent')}</Tag> : null;
}
