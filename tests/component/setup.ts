import '@testing-library/jest-dom/vitest';
// Components translate through the i18n layer: register both languages' strings.
import '$lib/i18n/all';
