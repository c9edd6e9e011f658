import { REQUIRED_BRIEFING_TOPICS, missingBriefingTopics } from './briefing-topics';

describe('missingBriefingTopics', () => {
  it('names the required topics not yet attended, in the required order', () => {
    expect(missingBriefingTopics([])).toEqual(REQUIRED_BRIEFING_TOPICS);
    expect(missingBriefingTopics(['security_protocol', 'first_aid'])).toEqual(['code_of_conduct']);
    expect(missingBriefingTopics(['code_of_conduct', 'security_protocol'])).toEqual([]);
  });

  it('takes a deployment’s own list of required topics', () => {
    expect(missingBriefingTopics(['code_of_conduct'], ['code_of_conduct', 'weapons_handling'])).toEqual([
      'weapons_handling',
    ]);
  });
});
