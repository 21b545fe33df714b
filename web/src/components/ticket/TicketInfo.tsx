import { useState } from 'react';
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { revealPhone } from '../../api/tickets.ts';
import type { TicketDetail } from '../../api/types.ts';
import { useMe } from '../../auth/AuthContext.tsx';
import { UNMASKED_PHONE_ROLES } from '../../../../common/enums.ts';
import { FINAL_STATUSES } from '../../../../common/ticket-lifecycle.ts';
import { formatTime } from '../../lib/format.ts';
import { SlaTag, StatusTag, UrgencyTag } from '../Tags.tsx';
import { AttachmentList } from './AttachmentList.tsx';

/** Each language named in itself, as the citizen would. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ko: '한국어', ja: '日本語' };

export function TicketInfo({ ticket, isCompact }: { ticket: TicketDetail; isCompact?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation({ mutationFn: () => revealPhone(ticket.id), onSuccess: (r) => setRevealed(r.phone) });
  // Unit handlers call the citizen about an order their unit holds (the server checks it, and audits every reveal).
  const isHolder =
    (me.role === 'handler' || me.role === 'unit_admin') &&
    ticket.assignments.some((a) => a.unitId === me.unitId && ['pending_sign', 'signed', 'replied'].includes(a.status));
  const canReveal = me.role && (UNMASKED_PHONE_ROLES.includes(me.role) || isHolder) && ticket.citizen;
  const lead = ticket.assignments.filter((a) => a.role === 'lead').at(-1);
  const co = ticket.assignments.filter((a) => a.role === 'co' && a.status !== 'withdrawn');
  // 督办 / 催办 / 领导批示 on an open order are what its unit must act on first: newest on top, not under the records
  const notices = FINAL_STATUSES.includes(ticket.status) ? [] : ticket.supervisions.filter((s) => s.kind !== 'auto_reminder').toReversed();
  return (
    <>
      {notices.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="supervision-notice"
          style={{ marginBottom: 8 }}
          title={notices.map((s) => (
            <div key={s.id}>
              <Typography.Text strong>{t(`enums.supervisionKind.${s.kind}`)}</Typography.Text>
              {s.dueAt && <Typography.Text type="danger"> · {t('ticket.supervisionDue', { time: formatTime(s.dueAt) })}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                · {formatTime(s.createdAt)}
              </Typography.Text>
              <div>{s.content}</div>
            </div>
          ))}
        />
      )}
      <Space wrap style={{ marginBottom: 8 }}>
        <StatusTag status={ticket.status} />
        <UrgencyTag urgency={ticket.urgency} />
        <SlaTag state={ticket.slaState} />
        {ticket.isRepeat && <Tag>{t('ticket.repeat')}</Tag>}
        {ticket.hasLeaderInstruction && <Tag color="red">{t('ticket.leaderInstruction')}</Tag>}
        {ticket.isConfidential && <Tag color="purple">{t('ticket.confidential')}</Tag>}
        {ticket.language !== 'zh' && (
          <Tag color="geekblue" data-testid="detail-language">
            {t('ticket.citizenLanguage', { language: LANGUAGE_NAMES[ticket.language] ?? ticket.language })}
          </Tag>
        )}
      </Space>
      <Descriptions size="small" column={isCompact ? 1 : 2} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('ticket.type')}>{t(`enums.type.${ticket.type}`)}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.channel')}>{t(`enums.channel.${ticket.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.category')}>{ticket.categoryName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.region')}>{ticket.regionName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.address')} span={isCompact ? 1 : 2}>
          {ticket.address ?? (ticket.lng === null ? '—' : '')}
          {ticket.lng !== null && ticket.lat !== null && (
            <Typography.Text type="secondary" className="lx-mono" data-testid="detail-point">
              {' '}
              ({ticket.lng.toFixed(5)}, {ticket.lat.toFixed(5)})
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('ticket.citizen')} span={isCompact ? 1 : 2}>
          {ticket.citizen ? (
            <Space wrap>
              <span>{ticket.citizen.name ?? ''}</span>
              <span className="lx-mono" data-testid="detail-phone">
                {revealed ?? ticket.citizen.phone ?? '—'}
              </span>
              {revealed && (
                <a href={`tel:${revealed}`} data-testid="call-citizen">
                  {t('ticket.callCitizen')}
                </a>
              )}
              {canReveal && !revealed && (
                <Button size="small" type="link" onClick={() => reveal.mutate()} loading={reveal.isPending} data-testid="reveal-phone">
                  {t('ticket.revealPhone')}
                </Button>
              )}
              {reveal.error && <Typography.Text type="danger">{errorMessage(reveal.error)}</Typography.Text>}
            </Space>
          ) : (
            <Typography.Text type="secondary" data-testid="detail-phone">
              {ticket.isConfidential ? t('ticket.confidentialHidden') : (ticket.citizenPhone ?? '—')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('ticket.leadUnit')}>{lead?.unitName ?? ticket.leadUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.coUnits')}>{co.map((a) => a.unitName).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.signDue')}>{formatTime(ticket.signDueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.handleDue')}>{formatTime(ticket.handleDueAt)}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.createdAt')}>{formatTime(ticket.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.satisfaction')}>
          {ticket.satisfaction ? t(`enums.callback.${ticket.satisfaction}`) : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('ticket.content')}
      </Typography.Title>
      <Typography.Paragraph className="lx-pre" data-testid="ticket-content">
        {ticket.content}
      </Typography.Paragraph>
      <AttachmentList files={ticket.attachments.filter((f) => f.replyId === null)} testId="ticket-attachments" />
    </>
  );
}
