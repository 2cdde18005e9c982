// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	interface Window {
		/** Presses and keys inside the view before the page's script listened (app.html), or null once taken. */
		__early?: Event[] | null;
	}

	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
