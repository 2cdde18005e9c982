// Type declarations for datapackage-js (the Frictionless reference client), as the data package test uses it.

declare module 'datapackage' {
	export interface Resource {
		name: string;
		tabular: boolean;
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the descriptor as the package gives it
		descriptor: Record<string, any>;
		read(options?: { keyed?: boolean; cast?: boolean; relations?: boolean }): Promise<unknown[]>;
	}
	export class Package {
		static load(descriptor: string, options?: { basePath?: string }): Promise<Package>;
		valid: boolean;
		errors: Error[];
		resources: Resource[];
		resourceNames: string[];
		getResource(name: string): Resource;
	}
}
