import type { EntryGenerator } from './$types';

// Built in both languages even before any page links here.
export const prerender = true;
export const entries: EntryGenerator = () => [{ lang: 'zh' }, { lang: 'en' }];
