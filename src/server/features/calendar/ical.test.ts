import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeText, fold, nextDay, serializeCalendar } from './ical';

describe('iCalendar serialiser (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting UTF-8 characters, and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'æ', 'ø', 'å', '€', '😀', ' '), maxLength: 300 }), (s) => {
        const line = `SUMMARY:${s}`;
        const folded = fold(line);
        for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replaceAll('\r\n ', '')).toBe(line);
      }),
    );
  });

  it('gives the exclusive end day across month and year ends', () => {
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });

  it('writes a calendar with CRLF, VTIMEZONE, all-day dates, UID, DTSTAMP, SEQUENCE and STATUS', () => {
    const ics = serializeCalendar({
      name: 'Årshjul',
      events: [
        { uid: 'a@retning', startsOn: '2025-08-11', endsOn: '2025-08-12', summary: 'Pædagogisk dag; alle', sequence: 2, cancelled: true, updatedAt: new Date('2025-06-01T10:00:00Z') },
      ],
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toContain('\n');
    expect(ics).toContain('TZID:Europe/Copenhagen');
    expect(ics).toContain('DTSTART;VALUE=DATE:20250811\r\nDTEND;VALUE=DATE:20250813\r\n');
    expect(ics).toContain('DTSTAMP:20250601T100000Z');
    expect(ics).toContain('SUMMARY:Pædagogisk dag\\; alle');
    expect(ics).toContain('SEQUENCE:2\r\nSTATUS:CANCELLED');
  });
});
