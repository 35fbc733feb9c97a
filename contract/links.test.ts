import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mailtoHref, normaliseEmail, safeLink, telHref, websiteHref } from './links';
import { ContactInput } from './model';

describe('e-mail addresses', () => {
  it('accepts what address books hold and normalises the domain', () => {
    expect(normaliseEmail('Perrin@ILO.org')).toBe('Perrin@ilo.org');
    expect(normaliseEmail(' mailto:anna-lena.weiss@bmas.bund.de ')).toBe('anna-lena.weiss@bmas.bund.de');
    expect(normaliseEmail('<j.doe+g20@oecd.org>')).toBe('j.doe+g20@oecd.org');
    expect(normaliseEmail('ελένη@παράδειγμα.δοκιμή')).toBe('ελένη@παράδειγμα.δοκιμή');
    expect(normaliseEmail('o\'brien@gov.ie')).toBe("o'brien@gov.ie");
    expect(normaliseEmail('x@xn--bcher-kva.de')).toBe('x@xn--bcher-kva.de');
  });

  it('refuses anything that could carry a query, a second address or a header into a mailto: link', () => {
    for (const bad of [
      'perrin@ilo.org?attach=/etc/passwd',
      'perrin@ilo.org&attach=/etc/passwd',
      'perrin@ilo.org#x',
      'x?attach=/etc/passwd@ilo.org',
      'x%3Fattach@ilo.org',
      'a@b.org,c@d.org',
      'Perrin <perrin@ilo.org>',
      'perrin@ilo.org\nBcc: all@ilo.org',
      'perrin @ilo.org',
      'perrin@ilo',
      'perrin@-ilo.org',
      '.perrin@ilo.org',
      'per..rin@ilo.org',
      '"quoted"@ilo.org',
      'perrin',
      '@ilo.org',
      'javascript:alert(1)//@ilo.org',
    ]) expect(normaliseEmail(bad), bad).toBeNull();
  });

  it('judges an ASCII address (its own quicker rules) as the Unicode rules judge it', () => {
    // The rules for any script, as links.ts states them; ASCII addresses take a shortcut that must agree.
    const local = /^[\p{L}\p{N}!#$&'*+=^_`{|}~-]+(?:\.[\p{L}\p{N}!#$&'*+=^_`{|}~-]+)*$/u;
    const label = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?)$/u;
    const tld = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;
    const unicode = (v: string) => {
      const at = v.lastIndexOf('@');
      const [l, d] = [v.slice(0, at), v.slice(at + 1).toLowerCase().replace(/\.$/, '')];
      const labels = d.split('.');
      return at >= 1 && l.length <= 64 && local.test(l) && labels.length >= 2 && d.length <= 253 && labels.every((x) => label.test(x)) && tld.test(labels[labels.length - 1]!);
    };
    const chars = fc.constantFrom(...'aZ09.-_+@!#$&*=^`{|}~\'"(),:;<>[]\\/?% xnXN'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 24 }), fc.string({ unit: chars, maxLength: 12 }), (a, b) => {
        const v = `${a}@${b}`.trim();
        expect(normaliseEmail(v) !== null, v).toBe(!/^mailto:/i.test(v) && !(v.startsWith('<') && v.endsWith('>')) && unicode(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('the contract refuses a bad address on every path in, naming the field', () => {
    const r = ContactInput.safeParse({ familyName: 'Perrin', emails: [{ value: 'perrin@ilo.org?attach=/etc/passwd' }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['emails', 0, 'value'], message: expect.stringMatching(/is not an e-mail address/) });
    expect(ContactInput.parse({ familyName: 'Perrin', emails: [{ value: 'MAILTO:Perrin@ILO.ORG' }] }).emails).toEqual([{ label: '', value: 'Perrin@ilo.org' }]);
  });
});

describe('links built from parsed values', () => {
  it('mailto: carries one encoded address and nothing after it', () => {
    expect(mailtoHref('perrin@ilo.org')).toBe('mailto:perrin@ilo.org');
    expect(mailtoHref("o'brien+x@gov.ie")).toBe("mailto:o'brien%2Bx@gov.ie");
    expect(mailtoHref('perrin@ilo.org?attach=/etc/passwd')).toBeNull();
  });

  it('websites: https and http only; a bare host becomes https', () => {
    expect(websiteHref('www.ilo.org')).toBe('https://www.ilo.org/');
    expect(websiteHref('https://www.oecd.org/els/')).toBe('https://www.oecd.org/els/');
    expect(websiteHref('http://www.bmas.de')).toBe('http://www.bmas.de/');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'data:text/html,x', 'https://user:pw@evil.example', 'ilo', 'a b.org', '', 'vbscript:x']) {
      expect(websiteHref(bad), bad).toBeNull();
    }
  });

  it('tel: keeps digits and a leading plus', () => {
    expect(telHref('+41 22 799 61 11')).toBe('tel:+41227996111');
    expect(telHref('javascript:alert(1)')).toBeNull();
  });

  it('a Markdown link: web and mail rebuilt, anchors kept, everything else dropped', () => {
    expect(safeLink('mailto:eve@example.org?attach=/etc/passwd&body=x')).toBe('mailto:eve@example.org');
    expect(safeLink('mailto:eve@example.org%3Fattach=/etc/passwd')).toBeNull();
    expect(safeLink('https://www.ilo.org/x?y=1#z')).toBe('https://www.ilo.org/x?y=1#z');
    expect(safeLink('#s1')).toBe('#s1');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'tel:1', 'file:///x', '//evil.example', 'data:x']) expect(safeLink(bad), bad).toBeNull();
  });
});
