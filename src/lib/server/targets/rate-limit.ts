// A small in-memory token bucket per client address for the job-description analyser, which
// anyone may call without an account. In memory on purpose: the analysis is cheap and pure, a
// restart only forgives, and several app processes would each allow their own share.

export interface BucketOptions {
	capacity: number;
	refillPerMinute: number;
	/** Buckets kept at most; full ones are dropped first when there are more. */
	maxKeys: number;
}

export const JD_BUCKET: BucketOptions = { capacity: 10, refillPerMinute: 10, maxKeys: 10_000 };

interface Bucket {
	tokens: number;
	at: number;
}

export class TokenBuckets {
	private readonly buckets = new Map<string, Bucket>();
	constructor(private readonly options: BucketOptions = JD_BUCKET) {}

	private refill(bucket: Bucket, now: number) {
		const gained = ((now - bucket.at) / 60_000) * this.options.refillPerMinute;
		return Math.min(this.options.capacity, bucket.tokens + Math.max(0, gained));
	}

	/** Takes a token for `key`: 0 when allowed, else the seconds to wait for the next one. */
	take(key: string, now: number): number {
		const bucket = this.buckets.get(key) ?? { tokens: this.options.capacity, at: now };
		const tokens = this.refill(bucket, now);
		if (tokens < 1) {
			return Math.ceil(((1 - tokens) / this.options.refillPerMinute) * 60);
		}
		this.buckets.set(key, { tokens: tokens - 1, at: now });
		if (this.buckets.size > this.options.maxKeys) this.prune(now);
		return 0;
	}

	private prune(now: number) {
		for (const [key, bucket] of this.buckets) {
			if (this.refill(bucket, now) >= this.options.capacity) this.buckets.delete(key);
		}
		// Still too many (a flood of distinct addresses): forget the oldest.
		for (const key of this.buckets.keys()) {
			if (this.buckets.size <= this.options.maxKeys) break;
			this.buckets.delete(key);
		}
	}
}

/** The one bucket set shared by POST /api/jd/analyze and the /analyze page. */
export const jdLimiter = new TokenBuckets();

/**
 * Whose allowance an analysis spends: a signed-in learner's own, so a campus or office NAT
 * full of anonymous visitors cannot use it up; a visitor's address otherwise.
 */
export function analyserKey(userId: string | null | undefined, address: string): string {
	return userId ? `user:${userId}` : `ip:${address}`;
}

/** Takes one analysis from the caller's allowance: 0 when allowed, else the seconds to wait. */
export function takeAnalysis(userId: string | null | undefined, address: string): number {
	return jdLimiter.take(analyserKey(userId, address), Date.now());
}
