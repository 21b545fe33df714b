/** 预警提醒: surge alerts arriving live raise a notification and a badge; the list opens from the bell. */
import { useState } from 'react';
import { App, Badge, Button, Empty, List, Popover, Space, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Role } from '../../../common/enums.ts';
import { getAlerts, type LiveAlert } from '../api/insight.ts';
import { useLiveMessages } from '../live/LiveContext.tsx';
import { LevelTag } from '../pages/insight/LevelTag.tsx';
import { alertMessage, alertWindow } from '../pages/insight/alertText.ts';
import { keys } from '../api/keys.ts';

/** The roles the server sends alerts to (insight policy 'alerts'). */
const ALERT_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'leader', 'admin'];

export function AlertBell({ role }: { role: Role | null }) {
  if (!role || !ALERT_ROLES.includes(role)) return null;
  return <Bell />;
}

function Bell() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const [unseen, setUnseen] = useState(0);
  const [isOpen, setOpen] = useState(false);
  const today = dayjs().format('YYYY-MM-DD');
  const query = useQuery({
    queryKey: keys.insight.alerts(today, today),
    queryFn: () => getAlerts({ from: today, to: today }),
    staleTime: 60_000,
  });
  const openList = () => navigate('/supervision?tab=alerts');

  useLiveMessages((m) => {
    if (!m.topic.startsWith('alert.') || !m.payload) return;
    const alert = m.payload as unknown as LiveAlert;
    setUnseen((n) => n + 1);
    notification.warning({
      key: `alert-${alert.id}`,
      title: (
        <span data-testid="alert-notification">
          {t(alert.isEscalation ? 'insight.alertEscalated' : 'insight.alertRaised')} · {t(`insight.level.${alert.level}`)}
        </span>
      ),
      description: (
        <Space orientation="vertical" size={4}>
          <span>{alertMessage(alert)}</span>
          <Button
            size="small"
            type="link"
            style={{ padding: 0 }}
            onClick={() => {
              notification.destroy(`alert-${alert.id}`);
              setUnseen(0);
              openList();
            }}
          >
            {t('insight.viewOrders', { count: alert.ticketCount })}
          </Button>
        </Space>
      ),
      duration: 0,
      placement: 'topRight',
    });
  });

  const items = query.data?.items ?? [];
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }} data-testid="alert-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insight.noAlertsToday')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 10)}
          renderItem={(a) => (
            <List.Item style={{ display: 'block' }}>
              <Space size={6} align="start">
                <LevelTag level={a.level} />
                <div>
                  <div>{alertMessage(a)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {alertWindow(a)}
                  </Typography.Text>
                </div>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Button
        type="link"
        block
        onClick={() => {
          setOpen(false);
          openList();
        }}
      >
        {t('insight.allAlerts')}
      </Button>
    </div>
  );
  return (
    <Popover
      trigger="click"
      open={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) setUnseen(0);
      }}
      content={content}
      title={t('insight.alertsToday')}
      placement="bottomRight"
    >
      <Tooltip title={t('insight.alerts')}>
        <Badge count={unseen} size="small" data-testid="alert-badge" data-count={unseen}>
          <Button type="text" icon={<BellOutlined />} aria-label={t('insight.alerts')} />
        </Badge>
      </Tooltip>
    </Popover>
  );
}
