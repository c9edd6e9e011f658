import { genderClash } from './room-gender';

const room = (roomGender: 'male' | 'female' | 'any', suitableForWomen = true) => ({
  roomId: 'r1',
  roomName: 'Classroom 3',
  roomGender,
  siteName: 'Boys High School',
  suitableForWomen,
});

describe('genderClash', () => {
  it('lets anyone into a room for anyone, and men and women into their own rooms', () => {
    expect(genderClash(room('any'), { id: 'p', gender: 'female' })).toBeNull();
    expect(genderClash(room('any'), { id: 'p', gender: 'other' })).toBeNull();
    expect(genderClash(room('male'), { id: 'p', gender: 'male' })).toBeNull();
    expect(genderClash(room('female'), { id: 'p', gender: 'female' })).toBeNull();
  });

  it('names the room and the person when the room is not for them', () => {
    expect(genderClash(room('male'), { id: 'p', gender: 'female' })).toBe(
      'room r1 (Classroom 3) is for men; personnel p is female',
    );
    expect(genderClash(room('female'), { id: 'p', gender: 'male' })).toMatch(/for women; personnel p is male/);
    expect(genderClash(room('female'), { id: 'p', gender: 'other' })).toMatch(/for women/);
  });

  it('keeps women out of a site not suitable for them, even in a room for anyone', () => {
    expect(genderClash(room('any', false), { id: 'p', gender: 'female' })).toBe(
      'site Boys High School is not suitable for women; personnel p is female',
    );
    expect(genderClash(room('any', false), { id: 'p', gender: 'male' })).toBeNull();
  });
});
