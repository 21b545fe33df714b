/**
 * 录音回放: an <audio> element on the call's recording (the server audits every playback). The server may still hold
 * the raw capture (pcap) a browser cannot play; then the file is offered for download instead.
 */
import { useState } from 'react';
import { Space, Typography } from 'antd';
import { SoundOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { recordingUrl } from '../api/telephony.ts';

export function RecordingPlayer({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const [isUnplayable, setUnplayable] = useState(false);
  const url = recordingUrl(callId);
  return (
    <Space data-testid="recording-player" data-call-id={callId} wrap>
      <SoundOutlined />
      <Typography.Text>{t('phone.recording.title')}</Typography.Text>
      {isUnplayable ? (
        <a href={url} download data-testid="recording-download">
          {t('phone.recording.download')}
        </a>
      ) : (
        <audio
          controls
          preload="none"
          src={url}
          onError={() => setUnplayable(true)}
          aria-label={t('phone.recording.play')}
          style={{ height: 32 }}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('phone.recording.audited')}
      </Typography.Text>
    </Space>
  );
}
