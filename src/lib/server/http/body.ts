// Request bodies read as bytes, under one limit that the server and the endpoints agree on.
import { env } from '$env/dynamic/private';
import { dev } from '$app/environment';

export const MB = 1024 * 1024;

/** adapter-node reads BODY_SIZE_LIMIT like this: bytes, or a number with K, M or G (×1024). */
export function parseByteSize(value: string): number {
	const unit = { K: 1024, M: MB, G: 1024 * MB }[value.at(-1)?.toUpperCase() ?? ''];
	return Number(unit ? value.slice(0, -1) : value) * (unit ?? 1);
}

/**
 * The largest body the production server lets through (adapter-node's BODY_SIZE_LIMIT,
 * 512K when unset; scripts/start.js sets it). The dev server has no limit of its own.
 */
export function bodyLimit(): number {
	const value = env.BODY_SIZE_LIMIT || (dev ? 'Infinity' : '512K');
	const bytes = parseByteSize(value);
	return Number.isNaN(bytes) ? Infinity : bytes;
}

export function formatBytes(bytes: number): string {
	const whole = bytes.toLocaleString('en');
	if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB (${whole} bytes)`;
	if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB (${whole} bytes)`;
	return `${whole} bytes`;
}

function isTooLarge(error: unknown): boolean {
	return (error as { status?: unknown } | null)?.status === 413;
}

/**
 * The body's bytes, or null once it passes `limit`: refused by its Content-Length before any
 * byte is read, otherwise as the bytes arrive, so an oversized body is never held whole.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array | null> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit) return null;
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			// Stop reading without cancelling: cancelling would reset the connection before
			// the client could read the 413.
			if (size > limit) return null;
			chunks.push(value);
		}
	} catch (error) {
		// adapter-node's own BODY_SIZE_LIMIT, met while streaming.
		if (isTooLarge(error)) return null;
		throw error;
	} finally {
		reader.releaseLock();
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}
