/**
 * The domain as data: zod schemas shared by the store, the ops, the pack and the renderer, one file per noun in
 * contract/model/. Types are inferred from the schemas so there is one definition of each shape. This barrel keeps
 * the one import path (`contract/model`) every layer uses.
 */
export { Id, PARTIAL_DATE_RE, PartialDate, IsoDate, CalendarDay, isCalendarDay, LocalDateTime, TimeZone } from './model/common';
export * from './model/institution';
export * from './model/contact';
export * from './model/contact-details';
export * from './model/calendar';
export * from './model/meeting';
export * from './model/briefing';
export * from './model/snippet';
export * from './model/pack';
export * from './model/system';
export * from './model/identity';
export * from './model/comment';
export * from './model/commission';
export * from './model/clearance';
export * from './model/history';
