/**
 * 转接: to another agent (by extension, or picked from the ready agents when the user may list them), back to the
 * hotline queue, or to an outside line (110/119/120/122 from the centre's list): at once (blind, REFER), after
 * consulting (attended, REFER with Replaces), or as a three-way call. Queues appear when the server lists their numbers.
 */
import { useState } from 'react';
import { Button, Divider, Input, Select, Space, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePhone } from './PhoneContext.tsx';
import { normalizeDialled } from './phoneModel.ts';
import { telephonyApi } from '../api/telephony.ts';
import { keys } from '../api/keys.ts';

export function TransferPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [extension, setExtension] = useState('');
  const agents = useQuery({ queryKey: keys.telephony.agents, queryFn: telephonyApi.agents, retry: false, staleTime: 5_000 });
  if (!phone) return null;
  const own = phone.config?.extension;
  const options = (agents.data ?? [])
    .filter((a) => a.extension !== own)
    .map((a) => ({
      value: a.extension,
      label: `${a.name} · ${a.extension} · ${t(`phone.state.${a.state}`)}`,
      disabled: a.state === 'signed_out',
    }));
  const target = normalizeDialled(extension);
  const blind = (number: string) => {
    if (phone.blindTransfer(number)) onDone();
  };
  const consult = (number: string) => {
    if (phone.dial(number, true)) onDone();
  };
  const threeWay = (number: string) => {
    if (phone.dial(number, true)) onDone();
  };

  const agentTab = (
    <Space orientation="vertical" style={{ width: 320 }}>
      {agents.data ? (
        <Select
          showSearch
          allowClear
          value={extension || undefined}
          onChange={(v) => setExtension(v ?? '')}
          options={options}
          placeholder={t('phone.transfer.pickAgent')}
          aria-label={t('phone.transfer.pickAgent')}
          style={{ width: '100%' }}
          optionFilterProp="label"
        />
      ) : (
        <Input
          className="lx-mono"
          value={extension}
          onChange={(e) => setExtension(e.target.value)}
          inputMode="tel"
          placeholder={t('phone.transfer.agentExtension')}
          aria-label={t('phone.transfer.agentExtension')}
          data-testid="transfer-extension"
        />
      )}
      <Space>
        <Button type="primary" disabled={!target} onClick={() => target && blind(target)} data-testid="transfer-blind">
          {t('phone.transfer.blind')}
        </Button>
        <Button disabled={!target} onClick={() => target && consult(target)} data-testid="transfer-consult">
          {t('phone.transfer.consult')}
        </Button>
      </Space>
    </Space>
  );
  const queueNumbers = phone.config?.queueNumbers ?? [];
  const queueTab = (
    <Space orientation="vertical" style={{ width: 320 }} size={4}>
      {queueNumbers.map((q) => (
        <div key={q.number} className="lx-phone-outside">
          <Typography.Text style={{ flex: 1 }}>
            {t('phone.queueName', { queue: t(`phone.queue.${q.queue}`, { defaultValue: q.queue }) })} ·{' '}
            <span className="lx-mono">{q.number}</span>
          </Typography.Text>
          <Button size="small" type="primary" onClick={() => blind(q.number)} data-testid={`transfer-queue-${q.queue}`}>
            {t('phone.transfer.blind')}
          </Button>
        </div>
      ))}
    </Space>
  );
  const outsideTab = (
    <Space orientation="vertical" style={{ width: 320 }} size={4}>
      {(phone.config?.outsideNumbers ?? []).map((o) => (
        <div key={o.number} className="lx-phone-outside" data-number={o.number}>
          <Typography.Text strong className="lx-mono" style={{ fontSize: 18, minWidth: 48 }}>
            {o.number}
          </Typography.Text>
          <Typography.Text style={{ flex: 1 }}>{o.label}</Typography.Text>
          <Button size="small" type="primary" danger onClick={() => blind(o.number)} data-testid={`transfer-outside-${o.number}`}>
            {t('phone.transfer.oneKey')}
          </Button>
          <Button size="small" onClick={() => threeWay(o.number)} data-testid={`conference-outside-${o.number}`}>
            {t('phone.transfer.threeWay')}
          </Button>
        </div>
      ))}
      <Divider style={{ margin: '6px 0' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('phone.transfer.startConference')}: {t('phone.transfer.threeWay')} → {t('phone.transfer.startConference')}
      </Typography.Text>
    </Space>
  );
  return (
    <Tabs
      size="small"
      items={[
        { key: 'agent', label: t('phone.transfer.toAgent'), children: agentTab },
        ...(queueNumbers.length ? [{ key: 'queue', label: t('phone.transfer.toQueue'), children: queueTab }] : []),
        { key: 'outside', label: t('phone.transfer.toOutside'), children: outsideTab },
      ]}
    />
  );
}
