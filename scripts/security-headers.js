/**
 * Response headers a static host should send with the dashboard (the README's deploy section lists
 * them). The Content-Security-Policy itself is in every page's <meta> (SvelteKit `kit.csp`, hashes);
 * `frame-ancestors` can only be sent as a header, so it is sent here.
 */
export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Permissions-Policy':
		'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
	'Content-Security-Policy': "frame-ancestors 'self'; object-src 'none'; base-uri 'self'",
	'Cross-Origin-Opener-Policy': 'same-origin'
};
