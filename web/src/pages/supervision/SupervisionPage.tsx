/** 督办: at-risk and overdue orders by unit; supervision notices, reminders and leader instructions; hotspots (热点问题) and surge alerts (预警). */
import { useState } from 'react';
import { Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES } from '../../../../common/ticket-lifecycle.ts';
import { QueueDetail } from '../../components/QueueDetail.tsx';
import { AlertsPanel } from '../insight/AlertsPanel.tsx';
import { HotspotsPanel } from '../insight/HotspotsPanel.tsx';
import { SupervisionDecision } from './SupervisionDecision.tsx';
import { UnitOverdueTable } from './UnitOverdueTable.tsx';

export default function SupervisionPage() {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<number | undefined>();
  // ?tab=alerts: where the alert bell and notifications lead
  const [params, setParams] = useSearchParams();
  const activeTab = params.get('tab') ?? 'overdue';
  const open = [...OPEN_STATUSES];
  const tabs = [
    { key: 'overdue', label: t('supervision.overdue'), base: { status: open, slaState: 'overdue' as const, unitId } },
    { key: 'atRisk', label: t('supervision.atRisk'), base: { status: open, slaState: 'at_risk' as const, unitId } },
    { key: 'all', label: t('supervision.orders'), base: { status: open, unitId } },
  ];
  // the per-unit table picks the unit of the order tabs; above 热点问题 and 预警 it would only push them below the fold
  const isOrderTab = tabs.some((x) => x.key === activeTab);
  return (
    <div className="lx-page" data-testid="supervision-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {isOrderTab && <UnitOverdueTable selectedUnitId={unitId} onSelect={setUnitId} />}
        <Tabs
          destroyOnHidden
          activeKey={activeTab}
          onChange={(key) => setParams(key === 'overdue' ? {} : { tab: key }, { replace: true })}
          items={[
            ...tabs.map((x) => ({
              key: x.key,
              label: x.label,
              children: (
                <QueueDetail
                  scope={`supervision-${x.key}`}
                  base={x.base}
                  exportName={x.label}
                  // four columns hold in half a 1366 px screen: the stage shows in 时限 (签收/办结) and in the pane
                  columns={['number', 'title', 'leadUnit', 'due']}
                  // a 督办, 催办 or 领导批示 leaves the order where it was: the pane stays on it and shows the new notice
                  renderDecision={(ticket) => <SupervisionDecision ticket={ticket} />}
                />
              ),
            })),
            { key: 'hotspots', label: t('insight.hotspots'), children: <HotspotsPanel /> },
            { key: 'alerts', label: t('insight.alerts'), children: <AlertsPanel /> },
          ]}
        />
      </Space>
    </div>
  );
}
