import type { EntryGenerator } from './$types';

// Prerendered in both languages; the import itself runs in the browser.
export const prerender = true;
export const entries: EntryGenerator = () => [{ lang: 'zh' }, { lang: 'en' }];
