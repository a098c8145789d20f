import { type BrowserContext, test as base, type Page } from '@playwright/test';

/** The dev IdP's pages import a Google font; there is no internet here, so do not even try. */
export async function blockExternalFonts(context: BrowserContext): Promise<void> {
  await context.route('https://fonts.googleapis.com/**', (route) => route.abort());
}

type Fixtures = {
  /** A page in a new, separate browser context (another person on another computer). */
  newUserPage: () => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  context: async ({ context }, use) => {
    await blockExternalFonts(context);
    await use(context);
  },
  newUserPage: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      await blockExternalFonts(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect } from '@playwright/test';
