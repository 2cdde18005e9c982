// The root address: its HTML is the Chinese overview (complete without JavaScript). With JavaScript, send
// the reader at once, before the page's own script loads, to the language they chose before (stored by the
// language switch) or, on a first visit, the one their browser prefers; the query and fragment go along.
(function () {
	var stored;
	try {
		stored = localStorage.getItem('lang');
	} catch {
		stored = null; // storage unavailable (a private window)
	}
	var preferred = (navigator.languages && navigator.languages[0]) || navigator.language || '';
	var lang =
		stored === 'zh' || stored === 'en' ? stored : preferred.toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
	location.replace(new URL(lang + location.search + location.hash, location.href).href);
})();
