import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashContactsFile,
  normaliseEmail,
  normalisePhone,
  parseCsv,
  parseVcf,
} from '../src/features/settings/contact-hashes.ts';

const sha = (value: string) => createHash('sha256').update(value).digest('hex');

describe('contact normalisation', () => {
  it('writes phones in E.164', () => {
    expect(normalisePhone('+31 6 1234 5678', '')).toBe('+31612345678');
    expect(normalisePhone('0031-6-12345678', '')).toBe('+31612345678');
    expect(normalisePhone('06 12345678', '31')).toBe('+31612345678');
    expect(normalisePhone('(06) 12 34 56 78', '')).toBeNull();
    expect(normalisePhone('12', '31')).toBeNull();
  });

  it('trims and lower-cases emails', () => {
    expect(normaliseEmail('  Alice@Example.COM ')).toBe('alice@example.com');
    expect(normaliseEmail('not an email')).toBeNull();
  });
});

describe('contact files', () => {
  it('reads TEL and EMAIL from a vCard, folded lines included', () => {
    const vcf =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice\r\nTEL;TYPE=CELL:+31 6 1234\r\n 5678\r\nitem1.EMAIL;TYPE=INTERNET:Alice@Example.com\r\nEND:VCARD\r\n';
    expect(parseVcf(vcf)).toEqual({ phones: ['+31 6 12345678'], emails: ['Alice@Example.com'] });
  });

  it('reads phones and emails from any CSV column', () => {
    const csv = 'Name,E-mail,Phone\n"Doe, Jo",jo@example.com,+39 333 123 4567\nBo,,n/a\n';
    expect(parseCsv(csv)).toEqual({ phones: ['+39 333 123 4567'], emails: ['jo@example.com'] });
  });

  it('uploads only lower-case hex SHA-256 of each normalised identifier, de-duplicated', async () => {
    const csv = 'a,+31612345678\nb,0612345678\nc, BOB@example.com\n';
    const hashes = await hashContactsFile('contacts.csv', csv, '31');
    expect(hashes.sort()).toEqual([sha('+31612345678'), sha('bob@example.com')].sort());
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
