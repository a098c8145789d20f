import 'i18next';
import type { careNl } from './care.nl';
import type { giftedNl } from './gifted.nl';
import type { nl } from './nl';
import type { offeringsNl } from './offerings.nl';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof nl;
      care: typeof careNl;
      offerings: typeof offeringsNl;
      gifted: typeof giftedNl;
    };
  }
}
