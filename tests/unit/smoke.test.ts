import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/data/types';
describe('types', () => {
	it('has two locales', () => expect(LOCALES).toEqual(['zh', 'en']));
});
