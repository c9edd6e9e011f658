import { digestText } from './digest-text';

describe('digestText', () => {
  it('leads with the district and its percent ready, then the biggest gaps with their local dates', () => {
    expect(
      digestText({
        districtName: 'Haripur',
        assignments: 1200,
        ready: 1104,
        percentReady: 92,
        gaps: [
          { kind: 'meal', slot: 'dinner', date: '2027-02-08', people: 41, posts: 12 },
          { kind: 'briefing', slot: null, date: null, people: 30, posts: 9 },
          { kind: 'return', slot: null, date: '2027-02-08', people: 12, posts: 1 },
          { kind: 'bed', slot: null, date: '2027-02-07', people: 1, posts: 1 },
        ],
      }),
    ).toBe(
      'Haripur: 92% ready (1104 of 1200 duties); 41 people at 12 posts without dinner on 8 Feb; ' +
        '30 people at 9 posts not fully briefed; 12 people at 1 post without a ride back on 8 Feb; ' +
        '1 person at 1 post without a bed on the night of 7 Feb.',
    );
  });

  it('says when nothing is missing, and a district it cannot name is "Your district"', () => {
    expect(digestText({ districtName: null, assignments: 1, ready: 1, percentReady: 100, gaps: [] })).toBe(
      'Your district: 100% ready (1 of 1 duty); nothing missing.',
    );
  });
});
