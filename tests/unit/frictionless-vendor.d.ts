// Type declarations for datapackage-js (the Frictionless reference client), as the data package test uses it.

declare module 'datapackage' {
	export interface Resource {
		name: string;
		read(options?: { keyed?: boolean; cast?: boolean }): Promise<unknown[]>;
	}
	export class Package {
		static load(descriptor: string, options?: { basePath?: string }): Promise<Package>;
		valid: boolean;
		errors: Error[];
		resources: Resource[];
		getResource(name: string): Resource;
	}
}
