/**
 * Linked highlighting: the city chosen in one chart is highlighted in every chart on the page, and the
 * mark a reader opened lists the events behind it. One instance per page, shared through context.
 */
import { getContext, setContext } from 'svelte';

export interface OpenedMark {
	/** Which chart the mark belongs to. */
	chart: string;
	/** Human-readable label of the mark, in the reader's language. */
	label: string;
	/** The ids of the events behind the mark. */
	eventIds: string[];
	/** The mark's key in its chart, so a page can keep the choice in its address. */
	key?: string;
}

export class Selection {
	cityId = $state<string | null>(null);
	opened = $state<OpenedMark | null>(null);

	toggleCity(id: string | null): void {
		this.cityId = this.cityId === id ? null : id;
	}

	open(mark: OpenedMark | null): void {
		this.opened = mark;
	}
}

const KEY = Symbol('selection');

export function provideSelection(): Selection {
	const s = new Selection();
	setContext(KEY, s);
	return s;
}

export function useSelection(): Selection | undefined {
	return getContext<Selection | undefined>(KEY);
}
