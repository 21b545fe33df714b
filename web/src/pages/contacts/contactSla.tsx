/** How the queue shows a contact's clock against its channel's standard, and the order a contact became or joined. */
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { durationParts } from '../../api/contacts.ts';

export const SLA_COLOR = { normal: 'green', at_risk: 'orange', overdue: 'red' } as const;

/** 2 分 / 3 小时 5 分: a number of seconds in the reader's language. */
export function useDuration() {
  const { t } = useTranslation();
  return (seconds: number) => {
    const { d, h, m } = durationParts(seconds);
    const parts = [
      d ? t('contacts.duration.d', { count: d }) : '',
      h ? t('contacts.duration.h', { count: h }) : '',
      !d && (m || !h) ? t('contacts.duration.m', { count: m }) : '',
    ];
    return parts.filter(Boolean).join(' ');
  };
}

/** The order a contact became or joined, opened over the queue (its timeline shows the citizen's follow-ups). */
export function OrderLink(props: { number: string; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      className="lx-mono"
      data-testid="contact-order"
      title={t('contacts.openOrder', { number: props.number })}
      onClick={(e) => {
        e.stopPropagation();
        props.onOpen();
      }}
    >
      {props.number}
    </Button>
  );
}
