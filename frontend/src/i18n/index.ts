import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { careEn } from './care.en';
import { careNl } from './care.nl';
import { en } from './en';
import { giftedEn } from './gifted.en';
import { giftedNl } from './gifted.nl';
import { nl } from './nl';
import { offeringsEn } from './offerings.en';
import { offeringsNl } from './offerings.nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Only the language choice is remembered in the browser (never tokens or personal data).
const STORAGE_KEY = 'zorgroute.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'nl';
}

export function setLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: {
    nl: { translation: nl, care: careNl, offerings: offeringsNl, gifted: giftedNl },
    en: { translation: en, care: careEn, offerings: offeringsEn, gifted: giftedEn },
  },
  ns: ['translation', 'care', 'offerings', 'gifted'],
  defaultNS: 'translation',
  lng: initialLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export default i18n;
