/** An indicator's name with its written definition as a tooltip, and the drawer that lists every definition. */
import { useState } from 'react';
import { Button, Descriptions, Drawer, Tag, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/PageState.tsx';
import { useDefinitions, type Definition } from './useDefinitions.ts';

export function IndicatorName({ definition, fallback }: { definition?: Definition; fallback?: string }) {
  if (!definition) return <span>{fallback ?? '—'}</span>;
  return (
    <Tooltip title={definition.formula}>
      <span style={{ cursor: 'help' }} data-testid={`indicator-${definition.id}`}>
        {definition.name} <QuestionCircleOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
      </span>
    </Tooltip>
  );
}

export function DefinitionsButton() {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const { query, list } = useDefinitions();
  return (
    <>
      <Button icon={<QuestionCircleOutlined />} onClick={() => setOpen(true)}>
        {t('analytics.definitions')}
      </Button>
      <Drawer open={isOpen} onClose={() => setOpen(false)} title={t('analytics.definitions')} size="large" destroyOnHidden>
        <QueryState query={query} isEmpty={(d) => d.length === 0}>
          {() => (
            <Descriptions
              column={1}
              bordered
              size="small"
              data-testid="indicator-definitions"
              items={list.map((d) => ({
                key: d.id,
                label: (
                  <span>
                    {d.name}
                    <br />
                    <Tag style={{ marginTop: 4 }}>{t(`analytics.kind.${d.kind}`)}</Tag>
                    {d.direction !== 'neutral' && (
                      <Tag color={d.direction === 'higher_better' ? 'green' : 'orange'}>{t(`analytics.direction.${d.direction}`)}</Tag>
                    )}
                  </span>
                ),
                children: d.formula,
              }))}
            />
          )}
        </QueryState>
      </Drawer>
    </>
  );
}

/** A peer group (考核分组) by its name in the reader's language; groups the app does not know show as stored. */
export function PeerGroupName({ group }: { group: string }) {
  const { t } = useTranslation();
  return <span>{t(`analytics.peerGroup.${group}`, { defaultValue: group })}</span>;
}
