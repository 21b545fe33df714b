/** 小休: the agent picks a reason (the server requires one), or writes it. */
import { useState } from 'react';
import { Input, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export const BREAK_REASONS = ['meal', 'rest', 'training', 'meeting', 'other'] as const;
const MAX_REASON = 100;

export function BreakModal(props: { open: boolean; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof BREAK_REASONS)[number]>('rest');
  const [other, setOther] = useState('');
  const reason = kind === 'other' ? other.trim() : t(`phone.breakReasons.${kind}`);
  return (
    <Modal
      open={props.open}
      title={t('phone.breakTitle')}
      onCancel={props.onCancel}
      onOk={() => reason && props.onConfirm(reason)}
      okButtonProps={{ disabled: !reason, 'data-testid': 'break-confirm' } as never}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          optionType="button"
          buttonStyle="solid"
          aria-label={t('phone.breakReasonLabel')}
          options={BREAK_REASONS.map((k) => ({ value: k, label: t(`phone.breakReasons.${k}`) }))}
        />
        {kind === 'other' && (
          <Input
            autoFocus
            maxLength={MAX_REASON}
            placeholder={t('phone.breakOther')}
            aria-label={t('phone.breakOther')}
            value={other}
            onChange={(e) => setOther(e.target.value)}
            onPressEnter={() => reason && props.onConfirm(reason)}
          />
        )}
      </Space>
    </Modal>
  );
}
