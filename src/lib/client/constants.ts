// Names shared by the pages and the service worker.

/** BroadcastChannel on which any context announces that the outbox changed. */
export const SYNC_CHANNEL = 'gapwise-sync';
/** Background Sync tag: the service worker flushes the outbox when the connection returns. */
export const SYNC_TAG = 'gapwise-outbox';
/** Message a signed-in page sends the service worker: keep Review and Today for offline use. */
export const WARM_MESSAGE = 'gapwise-warm';
