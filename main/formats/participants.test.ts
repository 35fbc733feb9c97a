import { describe, expect, it } from 'vitest';
import { parseParticipants } from './participants';

const row = (t: string) => parseParticipants(t).map((p) => [p.honorific, p.givenName, p.familyName, p.position, p.institutionNames, p.emails.map((e) => e.value)]);

describe('parseParticipants', () => {
  it('reads one person per line, with the institution in brackets or after the post, and obfuscated e-mails', () => {
    expect(row('Mme Claire DUBOIS, Cheffe d’unité, BIT — dubois (at) ilo.org\nMr. Pieter van der Berg (OECD), Senior Economist, pieter.vanderberg[at]oecd[dot]org')).toEqual([
      ['Mme', 'Claire', 'Dubois', 'Cheffe d’unité', ['BIT'], ['dubois@ilo.org']],
      ['Mr.', 'Pieter', 'van der Berg', 'Senior Economist', ['OECD'], ['pieter.vanderberg@oecd.org']],
    ]);
  });

  it('reads one person per block, skips list titles and takes a country heading as the institution of those without one', () => {
    const text = 'LIST OF PARTICIPANTS\n\nGERMANY\nMr. Jonas WEISS, Desk Officer\n\nM. Jean MARTIN\nConseiller\nMission permanente de la France\njean.martin{at}diplomatie.gouv.fr';
    expect(row(text)).toEqual([
      ['Mr.', 'Jonas', 'Weiss', 'Desk Officer', ['Germany'], []],
      ['M.', 'Jean', 'Martin', 'Conseiller', ['Mission permanente de la France'], ['jean.martin@diplomatie.gouv.fr']],
    ]);
  });

  it('keeps the commas of a post when an institution still follows', () => {
    expect(row('Ms. Ayse OZDEMIR, Head of Division, Bilateral and Multilateral Relations, BMAS')).toEqual([
      ['Ms.', 'Ayse', 'Ozdemir', 'Head of Division, Bilateral and Multilateral Relations', ['BMAS'], []],
    ]);
  });

  it('keeps an en dash inside a post and gives each person the line they start on', () => {
    const [p] = parseParticipants('\n\nMr. Thoralf STENVOLD, Senior Specialist – Global Governance, ILO');
    expect(p).toMatchObject({ position: 'Senior Specialist – Global Governance', institutionNames: ['ILO'], line: 3 });
  });
});
