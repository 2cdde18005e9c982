// Every page is prerendered: the HTML holds its finished charts and works with JavaScript off.
export const prerender = true;
export const trailingSlash = 'never';
