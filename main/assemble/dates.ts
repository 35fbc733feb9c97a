/** Dates as the briefing's readers write them: in its language, a meeting's times in the meeting's zone. */

const LOCALES: Record<string, string> = { en: 'en-GB', de: 'de-DE', nl: 'nl-NL', fr: 'fr-FR' };

export class Dates {
  private readonly locale: string;
  constructor(language: string) {
    this.locale = LOCALES[language] ?? language;
  }
  private fmt(opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(this.locale, opts);
  }
  /** 'YYYY-MM-DD' → "23 November 2026". */
  day(iso: string): string {
    return this.fmt({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  }
  /** An instant in a zone → "Thursday 7 January 2027, 10:00" (or the time only). */
  instant(ms: number, timeZone: string, withDate: boolean): string {
    const time = this.fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(ms);
    return withDate ? `${this.fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(ms)}, ${time}` : time;
  }
  /** "7 January 2027" or "7–9 January 2027". */
  range(startMs: number, endMs: number, timeZone: string): string {
    return this.fmt({ day: 'numeric', month: 'long', year: 'numeric', timeZone }).formatRange(startMs, Math.max(startMs, endMs));
  }
  /** The meeting day in its own zone, "7 January 2027". */
  dayIn(ms: number, timeZone: string): string {
    return this.fmt({ day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(ms);
  }
}
