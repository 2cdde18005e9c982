/**
 * Registers the service worker (offline copies of the dashboard) once the page has loaded and the browser
 * is idle: its first install fetches every page and the app's files, background work that must not
 * compete with the page being opened on a slow phone. SvelteKit's own registration, at `load`, is off
 * (svelte.config.js).
 */
import { dev } from '$app/environment';

export function registerServiceWorker(): void {
	if (!('serviceWorker' in navigator)) return;
	const register = () => {
		navigator.serviceWorker
			.register('/service-worker.js', { type: dev ? 'module' : 'classic' })
			.catch((e: unknown) => console.warn('offline copies unavailable:', e));
	};
	const whenIdle = () =>
		'requestIdleCallback' in window
			? requestIdleCallback(register, { timeout: 10_000 })
			: setTimeout(register, 2_000);
	if (document.readyState === 'complete') whenIdle();
	else addEventListener('load', whenIdle, { once: true });
}
