import { wallClockToUtc } from "@matchday/shared";
import { expandTwoDigitYear } from "@matchday/shared";

/** A calendar date without a time zone (month 1–12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time (hour 0–23, minute 0–59). */
export interface ClockTime {
  hour: number;
  minute: number;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const HOURS_MINUTES = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses football-data's `Date`: `dd/mm/yy` or `dd/mm/yyyy`, decided per value (E0 2015/16 already
 * writes four digits while E0 2016/17 writes two). Two-digit years expand with
 * `expandTwoDigitYear`. Returns undefined for anything else, including dates that do not exist
 * (`31/02/2020`).
 */
export function parseDayMonthYear(text: string): CalendarDate | undefined {
  const m = DAY_MONTH_YEAR.exec(text.trim());
  if (!m) return undefined;
  const [, d, mo, y] = m as unknown as [string, string, string, string];
  const year = y.length === 2 ? expandTwoDigitYear(Number(y)) : Number(y);
  const date = { year, month: Number(mo), day: Number(d) };
  return isRealDate(date) ? date : undefined;
}

/** Parses `HH:MM` (or `H:MM`, `HH:MM:SS` with the seconds ignored); undefined when invalid. */
export function parseClockTime(text: string): ClockTime | undefined {
  const m = HOURS_MINUTES.exec(text.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute };
}

/** True when the date exists in the proleptic Gregorian calendar. */
export function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** `YYYY-MM-DD`. */
export function formatIsoDate({ year, month, day }: CalendarDate): string {
  const p = (n: number, w: number) => String(n).padStart(w, "0");
  return `${p(year, 4)}-${p(month, 2)}-${p(day, 2)}`;
}

/** Midnight UTC of a calendar date: how a kickoff with no known time is stored (`has_time = false`). */
export function dateAtUtcMidnight({ year, month, day }: CalendarDate): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * Converts a UK wall-clock date and time (football-data's `Date` + `Time`) to the UTC instant, with
 * the DST rules of the runtime's time-zone database (the shared zone code; no date library): a time
 * repeated when clocks go back takes the earlier, BST instant; a time skipped when clocks go
 * forward moves forward by the gap.
 */
export function londonLocalToUtc(date: CalendarDate, time: ClockTime): Date {
  return wallClockToUtc("Europe/London", { ...date, ...time });
}
