/** Ids for imported datasets. Pure apart from the clock and the random source; no DOM. */

let issued = 0;
/**
 * A dataset id no other import in this browser has: the time, a counter for imports in the same
 * millisecond, and random bits for another tab (`getRandomValues` works on plain-HTTP hosts too).
 */
export function newDatasetId(now = Date.now()): string {
	const random = new Uint32Array(1);
	globalThis.crypto.getRandomValues(random);
	issued = (issued + 1) % 1296;
	return `user-${now.toString(36)}-${issued.toString(36).padStart(2, '0')}${random[0].toString(36)}`;
}
