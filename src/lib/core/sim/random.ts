// A small seeded generator (mulberry32) so a simulation run is a pure function of its seed.
// The core never calls Math.random: every random draw goes through one of these, passed in.

export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A generator for a sub-stream: the same (seed, key) always gives the same draws. */
	static derive(seed: number, key: number): Random {
		// Mixing the key through an odd multiplier keeps neighbouring keys' streams apart.
		return new Random(
			(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(key + 1, 0xc2b2ae35)) >>> 0
		);
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	/** Standard normal (Box–Muller). */
	normal(): number {
		const u = 1 - this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
	}

	uniform(min: number, max: number): number {
		return min + (max - min) * this.next();
	}

	/** An index drawn with the given (not necessarily normalised) weights. */
	weighted(weights: readonly number[]): number {
		const total = weights.reduce((a, b) => a + b, 0);
		let x = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			x -= weights[i]!;
			if (x < 0) return i;
		}
		return weights.length - 1;
	}
}
