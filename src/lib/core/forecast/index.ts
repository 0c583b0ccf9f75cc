// The readiness forecast's public face.
export {
	forecast,
	reachDate,
	pointDays,
	HOURS_SPREAD,
	POPULATION_SPREAD,
	FITTED_SPREAD,
	type Forecast,
	type ForecastEntry,
	type ForecastInput,
	type ForecastMemory,
	type ForecastPoint,
	type ForecastStep
} from './forecast';
export { whatMovesTheDate, EXTRA_MINUTES, type LeverInput } from './levers';
export { missedDayRate, DEFAULT_MISSED_DAY_RATE } from './missed-days';
