// The few service-worker globals the worker uses, typed here because the app's TypeScript
// project is built with the DOM library, not the WebWorker one (src/service-worker.js is
// outside that project and only hands `self` over).

export interface ExtendableEvent extends Event {
	waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEvent extends ExtendableEvent {
	readonly request: Request;
	respondWith(response: Response | Promise<Response>): void;
}

export interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
}

export interface MessageEvent extends ExtendableEvent {
	readonly data: unknown;
}

export interface WorkerScope {
	readonly location: { readonly origin: string };
	readonly clients: { claim(): Promise<void> };
	skipWaiting(): Promise<void>;
	addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
	addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** What `$service-worker` gives the worker about the build. */
export interface BuildManifest {
	build: string[];
	files: string[];
	version: string;
}
