/** Upload files one by one as soon as they are picked; the form receives the attachment ids. */
import { App, Button, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { uploadAttachment } from '../api/attachments.ts';
import { errorMessage } from '../api/client.ts';

export function AttachmentInput(props: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
  accept?: string;
  listType?: 'text' | 'picture-card';
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const emit = (list: UploadFile[]) =>
    props.onChange?.(list.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response.id as number));
  return (
    <Upload
      id={props.id}
      multiple
      accept={props.accept}
      listType={props.listType ?? 'text'}
      fileList={files}
      maxCount={LIMITS.attachmentsPerRequest}
      beforeUpload={(file) => {
        if (file.size > LIMITS.attachmentMaxBytes) {
          message.error(t('errors.fileTooLarge', { mb: LIMITS.attachmentMaxBytes / 1024 / 1024 }));
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const info = await uploadAttachment(file as File);
          onSuccess?.(info);
        } catch (err) {
          message.error(errorMessage(err));
          onError?.(err as Error);
        }
      }}
      onChange={({ fileList }) => {
        setFiles(fileList);
        emit(fileList);
      }}
    >
      {props.listType === 'picture-card' ? (
        <div>
          <UploadOutlined />
          <div style={{ marginTop: 4 }}>{t('portal.addPhoto')}</div>
        </div>
      ) : (
        <Button icon={<UploadOutlined />}>{t('actionForm.attachFiles')}</Button>
      )}
    </Upload>
  );
}
