import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n/index.ts';

/** 中文 / EN: each language named in itself, as language pickers do. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented size="small" aria-label={t('app.language')} value={i18n.language.startsWith('en') ? 'en' : 'zh'}
      options={[{ label: t('app.languageZh'), value: 'zh' }, { label: t('app.languageEn'), value: 'en' }]}
      onChange={(v) => setLanguage(v as Language)} />
  );
}
