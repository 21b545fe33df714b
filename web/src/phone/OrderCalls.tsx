/**
 * 通话记录 of an order: the calls linked to it, with who took each, how long, the caller's rating (一次一评) and the
 * recording (every playback audited). For quality review and complaints about how a call was handled.
 */
import { List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/format.ts';
import { RecordingPlayer } from './RecordingPlayer.tsx';
import { telephonyApi, type OrderCall } from '../api/telephony.ts';
import { keys } from '../api/keys.ts';

const RATING_KEYS: Record<number, { key: string; color: string }> = {
  1: { key: 'satisfied', color: 'green' },
  2: { key: 'basic', color: 'blue' },
  3: { key: 'unsatisfied', color: 'red' },
};

export function useOrderCalls(ticketId: number, isAllowed: boolean) {
  return useQuery({ queryKey: keys.telephony.calls(ticketId), queryFn: () => telephonyApi.callsOfTicket(ticketId), enabled: isAllowed });
}

export function OrderCalls({ calls }: { calls: OrderCall[] }) {
  const { t } = useTranslation();
  const minutes = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return (
    <List
      size="small"
      dataSource={calls}
      locale={{ emptyText: t('phone.recording.empty') }}
      data-testid="order-calls"
      renderItem={(c) => {
        const rating = c.rating ? RATING_KEYS[c.rating] : undefined;
        return (
          <List.Item data-testid="order-call" data-call-id={c.callId}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text>{formatTime(c.offeredAt)}</Typography.Text>
                <Tag>{t(`phone.recording.${c.direction === 'outbound' ? 'outbound' : 'inbound'}`)}</Tag>
                {c.agentName ? (
                  <Typography.Text>
                    {t('phone.recording.agent')}：{c.agentName}
                  </Typography.Text>
                ) : null}
                {c.answeredAt ? (
                  <Typography.Text type="secondary">
                    {t('phone.recording.talk')} {minutes(c.talkSeconds)}
                  </Typography.Text>
                ) : (
                  <Tag color="orange">{t('phone.recording.unanswered')}</Tag>
                )}
                {c.answeredAt ? (
                  <span data-testid="order-call-rating">
                    {t('phone.recording.rating')}：
                    {rating ? (
                      <Tag color={rating.color}>{t(`phone.wall.${rating.key}`)}</Tag>
                    ) : (
                      <Typography.Text type="secondary">{t('phone.recording.notRated')}</Typography.Text>
                    )}
                  </span>
                ) : null}
              </Space>
              {c.hasRecording ? <RecordingPlayer callId={c.callId} /> : null}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
