/**
 * Text as Dossier keeps it: no control characters. A single-line field (a name, a post, a label) has each run of them
 * (tabs and line breaks included) turned into one space; a multi-line one (notes, a profile) keeps its tabs and line
 * breaks as "\n" and loses the rest. Applied on every path in by the contract's text schemas, and again by every
 * exporter (vCard, iCalendar), whose formats have no way to write such characters.
 */

// C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators some readers treat as line ends.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu;
const CONTROLS_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

export const singleLine = (s: string): string => s.replace(CONTROLS, ' ');

export const multiLine = (s: string): string => s.replace(/\r\n?|[\u0085\u2028\u2029]/gu, '\n').replace(CONTROLS_BUT_TAB_LF, '');

/** Does the text hold a character `singleLine` would replace? */
export const hasControl = (s: string): boolean => /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(s);
