/**
 * Response headers a static host should send with the dashboard (the README's deploy section lists
 * them). The Content-Security-Policy itself is in every page's <meta> (SvelteKit `kit.csp`, hashes);
 * `frame-ancestors` can only be sent as a header (a <meta> policy ignores it), so it is sent here.
 */
export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Permissions-Policy':
		'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
	'Content-Security-Policy': "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
	'Cross-Origin-Opener-Policy': 'same-origin'
};

/**
 * The embed pages (`/zh/embed/<chart>`, `/en/embed/<chart>`) exist to be framed by other sites, so their
 * policy leaves `frame-ancestors` out: any page may frame them, including one opened from a file or a CMS
 * preview, which `frame-ancestors *` would still refuse (it matches only network schemes). Every other page
 * keeps `frame-ancestors 'self'`.
 */
export const EMBED_PATH = /^\/(zh|en)\/embed\/[^/]+?(\.html)?\/?$/;

export const EMBED_HEADERS = {
	...SECURITY_HEADERS,
	'Content-Security-Policy': "object-src 'none'; base-uri 'self'"
};

/**
 * The headers for a response to `pathname` (the address as requested, without its query).
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function securityHeaders(pathname) {
	return EMBED_PATH.test(pathname) ? EMBED_HEADERS : SECURITY_HEADERS;
}
