/**
 * When an event happened, as its `date` (`2025-11-01`) or its `when` ("last September") gives it,
 * and whether its cited paragraphs bear that out in their own words ("1 November", "November
 * 1st", "the first of November") or by their article's publication date (an event "on Wednesday"
 * in an article published that Wednesday). Read by the fact-check (fact-check.ts).
 */
import { wordValue } from "./spelled-numbers.ts";

const MONTHS = "January February March April May June July August September October November December".split(" ");
const MONTH_NUMBER = new Map(MONTHS.map((m, i) => [m.toLowerCase(), i + 1]));
const MONTH_WORD = `(${MONTHS.join("|")})`;
const DAY =
  "(\\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)";
/** A day and a month next to each other, either way round: "1 November", "1st of November", "November 1, 2025". */
const DAY_MONTH = new RegExp(`\\b${DAY}(?: of)? ${MONTH_WORD}\\b|\\b${MONTH_WORD},? ${DAY}\\b`, "g");
// Capitalised, as months are written: "may" is a verb.
const MONTH_ALONE = new RegExp(`\\b${MONTH_WORD}\\b`, "g");

/** The parts of a time a source must give: the year, month and day as far as the event states them. */
export interface EventTime {
  /** As the brief gives it, for the warning: `2025-11-01 (1 November 2025)`, `'last September'`. */
  readonly shown: string;
  readonly year?: string;
  readonly month?: number;
  readonly day?: number;
}

/** A paragraph as the check reads it: its text and its article's publication date. */
export interface DatedText {
  readonly text: string;
  readonly published: string | undefined;
}

const two = (n: number) => String(n).padStart(2, "0");

/** An event's time from its `date`, or the month (and day) its `when` names; undefined when `when` names none. */
export function eventTimeOf(date: string | undefined, when: string | undefined): EventTime | undefined {
  if (date !== undefined) {
    const [year, month, day] = date.split("-").map(Number);
    const inWords = [day, month === undefined ? undefined : MONTHS[month - 1], year].filter((w) => w !== undefined);
    return { shown: inWords.length > 1 ? `${date} (${inWords.join(" ")})` : date, year: date.slice(0, 4), month, day };
  }
  if (when === undefined) return undefined;
  for (const m of when.matchAll(DAY_MONTH)) {
    const day = wordValue((m[1] ?? m[4])!.toLowerCase(), true)!;
    if (day >= 1 && day <= 31)
      return { shown: `'${m[0]}'`, month: MONTH_NUMBER.get((m[2] ?? m[3])!.toLowerCase()), day };
  }
  const month = when.match(MONTH_ALONE)?.[0];
  return month === undefined ? undefined : { shown: `'${month}'`, month: MONTH_NUMBER.get(month.toLowerCase()) };
}

/** True when some paragraph gives each stated part of the time, in words or by its article's date. */
export function supportsTime(time: EventTime, cited: readonly DatedText[]): boolean {
  const { year, month, day } = time;
  // The article's date agrees as far as the time is stated ("2025-11", or "-11-01" when no year is).
  const published = (c: DatedText, upTo: number) => {
    const parts = [year, month === undefined ? undefined : two(month), day === undefined ? undefined : two(day)];
    const date = c.published?.split("-");
    return date !== undefined && parts.slice(0, upTo).every((p, i) => p === undefined || p === date[i]);
  };
  const yearGiven = year === undefined || cited.some((c) => published(c, 1) || saysNumber(c.text, Number(year)));
  const monthGiven = month === undefined || cited.some((c) => published(c, 2) || saysMonth(c.text, month));
  const dayGiven = day === undefined || cited.some((c) => published(c, 3) || saysDay(c.text, month!, day));
  return yearGiven && monthGiven && dayGiven;
}

const WORDS = /[a-z0-9]+/gi;

function saysNumber(text: string, n: number): boolean {
  for (const [word] of text.matchAll(WORDS)) if (wordValue(word.toLowerCase()) === n) return true;
  return false;
}

function saysMonth(text: string, month: number): boolean {
  for (const [word] of text.matchAll(MONTH_ALONE)) if (MONTH_NUMBER.get(word.toLowerCase()) === month) return true;
  return false;
}

function saysDay(text: string, month: number, day: number): boolean {
  for (const m of text.matchAll(DAY_MONTH))
    if (
      MONTH_NUMBER.get((m[2] ?? m[3])!.toLowerCase()) === month &&
      wordValue((m[1] ?? m[4])!.toLowerCase(), true) === day
    )
      return true;
  return false;
}
