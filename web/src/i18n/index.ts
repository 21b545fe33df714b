import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './zh.ts';
import { en } from './en.ts';
import { ja } from './portal.ja.ts';
import { ko } from './portal.ko.ts';

/** Staff screens speak Chinese and English; the citizen portal also Korean and Japanese. */
export type Language = 'zh' | 'en' | 'ko' | 'ja';
const LANGUAGES: readonly string[] = ['zh', 'en', 'ko', 'ja'];
const STORAGE_KEY = 'lx_lang';

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && LANGUAGES.includes(saved)) return saved as Language;
  } catch {
    // storage unavailable (private mode): Chinese by default
  }
  return 'zh';
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en }, ko: { translation: ko }, ja: { translation: ja } },
  lng: initialLanguage(),
  // Korean and Japanese cover the portal's own words; anything else falls back to English for those readers.
  fallbackLng: { ko: ['en'], ja: ['en'], default: ['zh'] },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // ignore
  }
  void i18n.changeLanguage(language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
}

export default i18n;
