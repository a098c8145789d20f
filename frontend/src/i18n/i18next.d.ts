import 'i18next';
import type { careNl } from './care.nl';
import type { nl } from './nl';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl; care: typeof careNl };
  }
}
