import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/AuthContext.tsx';
import { canOpen, type WorkbenchKey } from './workbenches.ts';

export function RoleGate({ page, children }: { page: WorkbenchKey; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (!canOpen(me.role, page)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('common.noPermission')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
