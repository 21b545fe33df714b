/** 坐席绩效与质检: agents' figures for a month, answer rate, sampling and scoring, inspection forms. */
import { useState } from 'react';
import { DatePicker, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useMe } from '../../auth/AuthContext.tsx';
import { AgentsPanel } from './AgentsPanel.tsx';
import { CallsPanel } from './CallsPanel.tsx';
import { FormsPanel } from './FormsPanel.tsx';
import { InspectionsPanel } from './InspectionsPanel.tsx';
import { monthPeriod } from '../../api/quality.ts';

const INSPECTORS = ['supervisor', 'admin', 'callback_agent'];

export default function QualityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [params, setParams] = useSearchParams();
  const period = monthPeriod(month, dayjs().format('YYYY-MM-DD'));
  const isAgent = me.role === 'agent';
  const canInspect = !!me.role && INSPECTORS.includes(me.role);
  const canManageForms = me.role === 'admin';
  const tabs = [
    {
      key: 'agents',
      label: isAgent ? t('quality.myRecord') : t('quality.agents'),
      children: <AgentsPanel period={period} isSelfOnly={isAgent} />,
    },
    ...(isAgent ? [] : [{ key: 'calls', label: t('quality.calls.title'), children: <CallsPanel period={period} /> }]),
    {
      key: 'inspections',
      label: t('quality.inspections.title'),
      children: <InspectionsPanel period={period} canInspect={canInspect} isSelfOnly={isAgent} />,
    },
    { key: 'forms', label: t('quality.forms.title'), children: <FormsPanel canManage={canManageForms} /> },
  ];
  const active = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : 'agents';

  return (
    <div className="lx-page" data-testid="quality-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('quality.title')}
          </Typography.Title>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            aria-label={t('quality.month')}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          />
          <Typography.Text type="secondary">{t('quality.period', { from: period.from, to: period.to })}</Typography.Text>
        </Space>
        <Tabs
          destroyOnHidden
          activeKey={active}
          onChange={(key) => setParams(key === 'agents' ? {} : { tab: key }, { replace: true })}
          items={tabs}
        />
      </Space>
    </div>
  );
}
