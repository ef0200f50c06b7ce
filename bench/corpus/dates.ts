/** The synthetic corpus's calendar: day 0 is 2019-01-01, and briefs spread over the following years. */
const FIRST_DAY_MS = Date.UTC(2019, 0, 1);
const DAY_MS = 86_400_000;

/** Days the corpus spans: six years, 2019–2024. */
export const SPAN_DAYS = 6 * 365;

/** `YYYY-MM-DD` of a day number (UTC, so no time zone changes the output). */
export const isoDay = (day: number): string => new Date(FIRST_DAY_MS + day * DAY_MS).toISOString().slice(0, 10);
