import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n/index.ts';

/** Each language named in itself, as language pickers do. */
const NAMES: Record<Language, string> = { zh: '中文', en: 'EN', ko: '한국어', ja: '日本語' };

/** 中文 / EN on the staff screens; the citizen portal passes its four languages. */
export function LanguageSwitch(props: { languages?: Language[] }) {
  const { t, i18n } = useTranslation();
  const languages = props.languages ?? ['zh', 'en'];
  const current = languages.find((l) => i18n.language.startsWith(l)) ?? 'zh';
  return (
    <Segmented
      size="small"
      aria-label={t('app.language')}
      value={current}
      data-testid="language-switch"
      options={languages.map((l) => ({ label: NAMES[l], value: l }))}
      onChange={(v) => setLanguage(v as Language)}
    />
  );
}
