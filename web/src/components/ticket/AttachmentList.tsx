/** An order's or a reply's files: photos as thumbnails that open full size, other files as download links. */
import { Image, Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { attachmentUrl } from '../../api/attachments.ts';
import type { AttachmentInfo } from '../../api/types.ts';

/** Thumbnails are the files themselves, drawn small: photos are few per order and the download route checks access. */
const THUMB_PX = 88;

export function AttachmentList({ files, testId }: { files: AttachmentInfo[]; testId?: string }) {
  if (files.length === 0) return null;
  const photos = files.filter((f) => f.mimeType.startsWith('image/'));
  const others = files.filter((f) => !f.mimeType.startsWith('image/'));
  return (
    <div data-testid={testId} style={{ marginBottom: 8 }}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {photos.map((f) => (
              <Image
                key={f.id}
                src={attachmentUrl(f.id)}
                alt={f.filename}
                title={f.filename}
                width={THUMB_PX}
                height={THUMB_PX}
                loading="lazy"
                style={{ objectFit: 'cover', borderRadius: 4 }}
                data-testid="attachment-thumb"
                data-id={f.id}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <div key={f.id}>
          <a href={attachmentUrl(f.id)} target="_blank" rel="noreferrer" data-testid="attachment-file">
            <PaperClipOutlined /> {f.filename}
          </a>{' '}
          <Typography.Text type="secondary">{Math.ceil(f.sizeBytes / 1024)} KB</Typography.Text>
        </div>
      ))}
    </div>
  );
}
