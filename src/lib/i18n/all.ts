/**
 * Both catalogues, registered at once: for server code (prerendering, the chart and data endpoints),
 * Node scripts and tests, where bundle size does not matter and no `load` runs first.
 */
import { registerCatalogue } from './index';
import { en } from './messages/en';
import { zh } from './messages/zh';

registerCatalogue('en', en);
registerCatalogue('zh', zh);
