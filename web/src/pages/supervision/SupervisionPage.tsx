/** 督办: at-risk and overdue orders by unit; supervision notices, reminders and leader instructions. */
import { useState } from 'react';
import { Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES } from '../../../../common/ticket-lifecycle.ts';
import { QueueDetail } from '../../components/QueueDetail.tsx';
import { SupervisionDecision } from './SupervisionDecision.tsx';
import { UnitOverdueTable } from './UnitOverdueTable.tsx';

export default function SupervisionPage() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<number | undefined>();
  const open = [...OPEN_STATUSES];
  const tabs = [
    { key: 'overdue', label: t('supervision.overdue'), base: { status: open, slaState: 'overdue' as const, unitId } },
    { key: 'atRisk', label: t('supervision.atRisk'), base: { status: open, slaState: 'at_risk' as const, unitId } },
    { key: 'all', label: t('supervision.orders'), base: { status: open, unitId } },
  ];
  return (
    <div className="lx-page" data-testid="supervision-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <UnitOverdueTable selectedUnitId={unitId} onSelect={setUnitId} />
        <Tabs destroyOnHidden items={tabs.map((x) => ({
          key: x.key,
          label: x.label,
          children: <QueueDetail scope={`supervision-${x.key}`} base={x.base} exportName={x.label}
            columns={['number', 'title', 'status', 'leadUnit', 'handleDue']}
            renderDecision={(ticket, done) => <SupervisionDecision ticket={ticket} onDone={done} />} />,
        }))} />
      </Space>
    </div>
  );
}
