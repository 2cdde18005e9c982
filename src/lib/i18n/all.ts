/**
 * Both catalogues, registered at once: for server code (prerendering, the chart and data endpoints),
 * Node scripts and tests, where bundle size does not matter and no `load` runs first.
 */
import { registerCatalogue } from './index';
import { en } from './messages/en';
import { zh } from './messages/zh';
import { en as importEn } from './messages/parts/importPage';
import { zh as importZh } from './messages/parts/importPage.zh';
import { en as compareEn } from './messages/parts/compareStory';
import { zh as compareZh } from './messages/parts/compareStory.zh';
import { en as methodEn } from './messages/parts/method';
import { zh as methodZh } from './messages/parts/method.zh';
import { en as industryEn } from './messages/parts/industry';
import { zh as industryZh } from './messages/parts/industry.zh';
import { en as embedEn } from './messages/parts/embed';
import { zh as embedZh } from './messages/parts/embed.zh';
import { en as editEn } from './messages/parts/exportEdit';
import { zh as editZh } from './messages/parts/exportEdit.zh';

registerCatalogue('en', {
	...en,
	...importEn,
	...compareEn,
	...methodEn,
	...industryEn,
	...embedEn,
	...editEn
});
registerCatalogue('zh', {
	...zh,
	...importZh,
	...compareZh,
	...methodZh,
	...industryZh,
	...embedZh,
	...editZh
});
