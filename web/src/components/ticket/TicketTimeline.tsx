import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../../api/types.ts';
import { formatTime } from '../../lib/format.ts';

export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language.startsWith('en');
  return (
    <Timeline
      data-testid="timeline"
      items={events.map((e) => ({
        key: e.id,
        color: e.action === 'return' || e.action === 'sla_overdue' ? 'red' : e.action === 'create' ? 'green' : 'blue',
        content: (
          <div>
            <Typography.Text strong>{isEnglish ? e.actionLabel.en : e.actionLabel.zh}</Typography.Text>
            {e.toStatus && e.toStatus !== e.fromStatus ? (
              <Typography.Text type="secondary"> → {t(`enums.status.${e.toStatus}`)}</Typography.Text>
            ) : null}
            <div>
              <Typography.Text type="secondary">
                {formatTime(e.createdAt)} · {[e.actorName, e.actorUnitName].filter(Boolean).join(' / ') || '—'}
                {e.unitName ? ` → ${e.unitName}` : ''}
              </Typography.Text>
            </div>
            {e.note ? <div className="lx-pre">{e.note}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
