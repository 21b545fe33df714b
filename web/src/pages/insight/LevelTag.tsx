import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurgeAlert } from '../../api/insight.ts';

/** 预警等级: warning (orange) or critical (red). */
export function LevelTag({ level }: { level: SurgeAlert['level'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={level === 'critical' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
      {t(`insight.level.${level}`)}
    </Tag>
  );
}
