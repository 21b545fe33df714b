/**
 * During a consulted transfer (咨询转接): who the agent is consulting and how that line stands, and the ways out —
 * hand the citizen over, join all three (三方通话), or drop the consultation and go back to the citizen.
 */
import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhoneApi } from './PhoneContext.tsx';
import type { CallLine } from './phoneModel.ts';

export function ConsultBar({ phone, consult }: { phone: PhoneApi; consult: CallLine }) {
  const { t } = useTranslation();
  const { isConference } = phone.phone;
  return (
    <div className="lx-phone-consult" data-testid="phone-consult">
      <Typography.Text>{isConference ? t('phone.conference') : t('phone.transfer.consulting', { target: consult.remote })}</Typography.Text>
      <Tag>{t(`phone.line.${consult.status}`)}</Tag>
      <Space wrap>
        {!isConference && (
          <Button
            type="primary"
            onClick={phone.completeConsultedTransfer}
            disabled={consult.status !== 'talking'}
            data-testid="phone-complete-transfer"
          >
            {t('phone.transfer.complete')}
          </Button>
        )}
        {!isConference && (
          <Button onClick={() => void phone.startConference()} disabled={consult.status !== 'talking'} data-testid="phone-conference">
            {t('phone.transfer.startConference')}
          </Button>
        )}
        <Button onClick={phone.cancelConsultation} data-testid="phone-cancel-consult">
          {t('phone.transfer.cancel')}
        </Button>
      </Space>
    </div>
  );
}
