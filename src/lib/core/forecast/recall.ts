// Predicted recall of a newly learnt level's cards, on the learner's own forgetting curve.
// A card is first answered (Good) on the day its step introduces it and reviewed (Good) each
// time FSRS says it is due; a review due on a day the learner skips waits for the next day
// they study, m ÷ (1 − m) days on average for a missed-day rate m (a geometric wait). The
// day-resolution FSRS-6 model is the simulator's (sim/memory.ts), so both predict alike.
import { clipParameters } from 'ts-fsrs';
import { DayModel, type DayMemory } from '../sim/memory';

/** Initial-stability parameters w0–w3: where learners differ most (the simulator's spread). */
const INITIAL_STABILITY = [0, 1, 2, 3];

/**
 * The learner's parameters with their initial stabilities scaled by `factor`: a learner who
 * forgets faster (factor < 1) or slower (> 1) than the parameters say.
 */
export function scaledParameters(w: readonly number[], factor: number): number[] {
	return clipParameters(
		w.map((x, i) => (INITIAL_STABILITY.includes(i) ? x * factor : x)),
		1,
		true
	);
}

/**
 * Recall by age: `at(a)` = mean retrievability over the review cycle that holds day a of a
 * card's life (first answer on day 0). The mean over the cycle, not the day's own value: the
 * level's cards are introduced on different days, so their cycles are out of phase, and the
 * forecast should not wobble with one card's sawtooth. Later cycles are longer, so a wait
 * costs them relatively less and their mean is higher; the curve keeps the running maximum so
 * interval rounding cannot make an older memory count less than a younger one.
 */
export class RecallCurve {
	private readonly model: DayModel;
	private readonly wait: number;
	private readonly byAge: number[] = [];
	private memory: DayMemory | null = null;
	private cycleStart = 0;
	private cycleEnd = 0;
	private cycleMean = 0;

	constructor(parameters: readonly number[], desiredRetention: number, missedDayRate: number) {
		this.model = new DayModel(parameters, desiredRetention);
		const m = Math.min(0.95, Math.max(0, missedDayRate));
		this.wait = m / (1 - m);
	}

	/** The next review (Good), and the mean retrievability until the one after it. */
	private nextCycle() {
		this.cycleStart = this.cycleEnd;
		this.memory = this.model.review(this.memory, this.cycleStart, 3);
		const length = this.model.interval(this.memory) + this.wait;
		this.cycleEnd = this.cycleStart + length;
		const samples = Math.max(1, Math.ceil(length));
		let sum = 0;
		for (let k = 0; k < samples; k++) {
			const t = this.cycleStart + ((k + 0.5) * length) / samples;
			sum += this.model.retrievability(this.memory, t);
		}
		this.cycleMean = sum / samples;
	}

	at(age: number): number {
		if (age < 0) return 0;
		const day = Math.floor(age);
		if (this.memory === null) this.nextCycle();
		while (this.byAge.length <= day) {
			const d = this.byAge.length;
			while (this.cycleEnd <= d) this.nextCycle();
			this.byAge.push(Math.max(this.byAge[d - 1] ?? 0, this.cycleMean));
		}
		return this.byAge[day]!;
	}
}
