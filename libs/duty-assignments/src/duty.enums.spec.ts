import { DUTY_STATUSES, isActiveStatus, postHasCategory, POST_KINDS } from './duty.enums';

describe('duty enums', () => {
  it('treats every status but cancelled as active', () => {
    expect(DUTY_STATUSES.filter(isActiveStatus)).toEqual(['planned', 'confirmed', 'reported', 'relieved']);
    expect(isActiveStatus('cancelled')).toBe(false);
  });

  it('categorises polling stations only', () => {
    expect(POST_KINDS.filter(postHasCategory)).toEqual(['polling_station']);
  });
});
