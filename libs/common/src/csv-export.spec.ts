import { parse } from 'csv-parse/sync';
import { listToCsv } from './csv-export';

describe('listToCsv', () => {
  it('writes one column per field, nested and listed fields included, in first-seen order', () => {
    const csv = listToCsv([
      { id: 'a', person: { name: 'Asad Mehmood', rank: 'constable' }, dietaryNeeds: ['diabetic', 'vegetarian'] },
      { id: 'b', person: { name: 'Sana Bibi', rank: 'asi' }, dietaryNeeds: [], note: 'late, "urgent"' },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(parse(csv.slice(1))).toEqual([
      ['id', 'person.name', 'person.rank', 'dietaryNeeds', 'note'],
      ['a', 'Asad Mehmood', 'constable', 'diabetic;vegetarian', ''],
      ['b', 'Sana Bibi', 'asi', '', 'late, "urgent"'],
    ]);
  });

  it('keeps every cell a spreadsheet would evaluate as text', () => {
    const rows = parse(
      listToCsv([{ a: '=HYPERLINK("http://x")', b: '+923001234567', c: '@SUM(A1)', d: '-1+1', e: 'Rasad-1' }]).slice(1),
    );
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://x")', "'+923001234567", "'@SUM(A1)", "'-1+1", 'Rasad-1']);
  });

  it('writes a list of readable items by their words, and other objects as JSON', () => {
    const rows = parse(
      listToCsv([
        {
          missing: [
            { check: 'fed', code: 'meal.no_plan', text: 'no dinner plan on 8 Feb at PS-HRP-012' },
            { check: 'briefed', code: 'briefing.topic', text: 'code of conduct not acknowledged' },
          ],
          extra: { a: 1 },
          note: [{ text: '=1+1' }],
        },
      ]).slice(1),
    );
    expect(rows[1]).toEqual(['no dinner plan on 8 Feb at PS-HRP-012;code of conduct not acknowledged', '1', "'=1+1"]);
  });

  it('writes an empty sheet for an empty list', () => {
    expect(listToCsv([])).toBe('\ufeff');
  });
});
