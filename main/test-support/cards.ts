/**
 * Numbered people as vCard 4.0 cards, one string per card (join them for the file): "Person<i> <surname>" with an
 * e-mail address and a Geneva phone number of their own, the lines `extra(i)` gives, then the unit `org`. For tests
 * of large imports (the reader thread, deferred indexes and triggers, a killed import).
 */
export function numberedCards(n: number, surname: string, org: string, extra: (i: number) => string[] = () => []): string[] {
  return Array.from({ length: n }, (_, i) =>
    [
      'BEGIN:VCARD',
      'VERSION:4.0',
      `FN:Person${i} ${surname}`,
      `N:${surname};Person${i};;;`,
      `EMAIL:p${i}@example.org`,
      `TEL:+41 22 799 ${String(i % 10_000).padStart(4, '0')}`,
      ...extra(i),
      `ORG:${org}`,
      'END:VCARD',
      '',
    ].join('\r\n'),
  );
}
