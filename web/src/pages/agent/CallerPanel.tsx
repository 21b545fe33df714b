/** 来电弹屏: who is calling, their earlier orders and which are still open. */
import { useEffect, useState } from 'react';
import { Alert, Badge, Card, Input, List, Space, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isOpen, type TicketStatus } from '../../../../common/ticket-lifecycle.ts';
import { normalizePhone } from '../../../../common/limits.ts';
import { ApiError } from '../../api/client.ts';
import { listTickets, lookupCitizen } from '../../api/tickets.ts';
import { StatusTag } from '../../components/Tags.tsx';
import { formatDate } from '../../lib/format.ts';
import { isValidPhone } from './intake.ts';
import { keys } from '../../api/keys.ts';

interface CitizenInfo {
  name: string | null;
  isConfidential: boolean;
}
interface CallerTicket {
  id: number;
  number: string;
  title: string;
  status: TicketStatus;
  createdAt: string;
}
interface Lookup {
  citizen: CitizenInfo | null;
  tickets: CallerTicket[];
  ticketCount: number;
  openTicketCount: number;
}

/** GET /citizens/lookup; when that module is unavailable, the caller's orders from the ticket list. */
async function lookupCaller(phone: string): Promise<Lookup> {
  try {
    return await lookupCitizen(phone);
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) throw err;
    const history = await listTickets({ citizenPhone: phone }, null, 20);
    return {
      citizen: null,
      tickets: history.items,
      ticketCount: history.items.length,
      openTicketCount: history.items.filter((x) => isOpen(x.status)).length,
    };
  }
}

export function CallerPanel(props: {
  phone: string;
  onPhone: (phone: string) => void;
  onCitizen: (c: CitizenInfo | null) => void;
  onOpen: (t: { id: number }) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.phone);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(props.phone), [props.phone]);
  const phone = normalizePhone(props.phone ?? '');
  const query = useQuery({ queryKey: keys.tickets.caller(phone), queryFn: () => lookupCaller(phone), enabled: isValidPhone(phone) });
  const { onCitizen } = props;
  useEffect(() => {
    if (query.data) onCitizen(query.data.citizen);
  }, [query.data, onCitizen]);

  const tickets = query.data?.tickets ?? [];
  const open = tickets.filter((x) => isOpen(x.status));
  return (
    <Card
      size="small"
      title={
        <Space>
          <PhoneOutlined />
          {t('agent.incoming')}
        </Space>
      }
      data-testid="caller-panel"
    >
      <Input.Search
        id="caller-phone"
        aria-label={t('ticket.phone')}
        placeholder={t('agent.phonePlaceholder')}
        enterButton={t('agent.lookup')}
        value={text}
        inputMode="tel"
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onSearch={(value) => {
          if (value && !isValidPhone(value)) {
            setError(t('errors.phone'));
            return;
          }
          props.onPhone(normalizePhone(value));
        }}
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      {query.isFetching && <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>}
      {query.error ? <Alert type="warning" showIcon title={String((query.error as Error).message)} style={{ marginTop: 8 }} /> : null}
      {query.data && (
        <div style={{ marginTop: 8 }} data-testid="caller-summary">
          {tickets.length === 0 && !query.data.citizen ? (
            <Typography.Text type="secondary">{t('agent.newCaller')}</Typography.Text>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }} size={4}>
              <Space wrap>
                <Typography.Text strong>
                  {t('agent.knownCaller', {
                    name: query.data.citizen?.name || phone,
                    total: query.data.ticketCount,
                    open: query.data.openTicketCount,
                  })}
                </Typography.Text>
                {query.data.citizen?.isConfidential && <Tag color="purple">{t('ticket.confidential')}</Tag>}
              </Space>
              <List
                size="small"
                dataSource={[...open, ...tickets.filter((x) => !isOpen(x.status))].slice(0, 6)}
                renderItem={(x) => (
                  <List.Item style={{ cursor: 'pointer', padding: '4px 0' }} onClick={() => props.onOpen(x)}>
                    <Space size={6} style={{ width: '100%' }}>
                      {isOpen(x.status) ? <Badge status="processing" /> : <Badge status="default" />}
                      <a className="lx-mono" href="#" onClick={(e) => e.preventDefault()}>
                        {x.number}
                      </a>
                      <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                        {x.title}
                      </Typography.Text>
                      <StatusTag status={x.status} />
                      <Typography.Text type="secondary">{formatDate(x.createdAt)}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Space>
          )}
        </div>
      )}
    </Card>
  );
}
