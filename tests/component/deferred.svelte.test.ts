/**
 * The page views' wrapper (Deferred.svelte) in jsdom, as after a navigation inside the app: there is no
 * server drawing to adopt, so the view is mounted as soon as its code is there, and then follows its
 * props. (Adopting the prerendered HTML on first use is checked in the built site: tests/e2e/deferred.)
 */
import { render, screen, fireEvent } from '@testing-library/svelte';
import { flushSync, type Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import Deferred from '$lib/components/Deferred.svelte';
import { drawView, type ViewRef } from '$lib/views/registry';
import Greeting from './fixtures/Greeting.svelte';

type Props = { name: string; locale: string };

/** A view whose code arrives when the test says so (or never, if it rejects). */
function slowView() {
	let arrive!: () => void;
	let fail!: (error: Error) => void;
	const ref: ViewRef<Component<Props>> = {
		load: () =>
			new Promise((resolve, reject) => {
				arrive = () => {
					ref.component = Greeting;
					resolve({ default: Greeting });
				};
				fail = reject;
			})
	};
	return { ref, arrive: () => arrive(), fail: (e: Error) => fail(e) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Deferred', () => {
	it('in the browser, draws nothing itself: the server draws the view', () => {
		const drawn = drawView(
			{ component: Greeting, load: async () => ({ default: Greeting }) },
			{
				name: 'x',
				locale: 'en'
			},
			new Map()
		);
		expect(drawn.body).not.toContain('Hello');
		expect(drawn.head).not.toContain('<title>');
	});

	it('with no drawing to adopt, mounts the view once its code arrives, busy until then', async () => {
		const { ref, arrive } = slowView();
		const { container } = render(Deferred<Props>, {
			props: { view: ref, props: { name: 'Shanghai', locale: 'en' } }
		});
		const root = container.querySelector('.view-root')!;
		expect(root).toHaveAttribute('data-view', 'loading');
		expect(root).toHaveAttribute('aria-busy', 'true');
		expect(screen.queryByTestId('greeting')).toBeNull();
		arrive();
		await settle();
		expect(root).toHaveAttribute('data-view', 'live');
		expect(root).not.toHaveAttribute('aria-busy');
		expect(screen.getByTestId('greeting')).toHaveTextContent('Hello Shanghai');
		await fireEvent.click(screen.getByRole('button'));
		expect(screen.getByRole('button')).toHaveTextContent('Pressed 1');
	});

	it('passes new props on to the running view without remounting it', async () => {
		const { ref, arrive } = slowView();
		const { container, rerender } = render(Deferred<Props>, {
			props: { view: ref, props: { name: 'Shanghai', locale: 'en' } }
		});
		arrive();
		await settle();
		await fireEvent.click(screen.getByRole('button'));
		// under `props:`, since Deferred's own `props` would otherwise be read as the option (typed as props)
		await rerender({ props: { view: ref, props: { name: '上海', locale: 'zh' } } } as never);
		await settle();
		flushSync();
		expect(screen.getByTestId('greeting')).toHaveTextContent('Hello 上海');
		expect(screen.getByTestId('greeting')).toHaveAttribute('lang', 'zh');
		// the same instance: its own state survived the change
		expect(screen.getByRole('button')).toHaveTextContent('Pressed 1');
		expect(container.querySelectorAll('[data-testid="greeting"]')).toHaveLength(1);
	});

	it('when the code cannot be loaded, says so in the reader’s language and offers to try again', async () => {
		const { ref, fail } = slowView();
		const { container } = render(Deferred<Props>, {
			props: { view: ref, props: { name: 'x', locale: 'zh' } }
		});
		fail(new Error('offline'));
		await settle();
		expect(container.querySelector('.view-root')).toHaveAttribute('data-view', 'unavailable');
		expect(screen.getByTestId('view-unavailable')).toHaveTextContent('交互功能');
		expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
	});
});
