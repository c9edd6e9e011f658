export const BRIEFING_TOPICS = [
  'code_of_conduct',
  'security_protocol',
  'contingency_plan',
  'weapons_handling',
  'first_aid',
  'custom',
] as const;
export type BriefingTopic = (typeof BRIEFING_TOPICS)[number];

/** What every duty requires unless a deployment says otherwise (DESIGN.md, readiness: briefed). */
export const REQUIRED_BRIEFING_TOPICS: readonly BriefingTopic[] = ['code_of_conduct', 'security_protocol'];

/** The required topics a person has not yet attended: briefings fills by it, readiness will judge by it. */
export function missingBriefingTopics(
  attended: readonly BriefingTopic[],
  required: readonly BriefingTopic[] = REQUIRED_BRIEFING_TOPICS,
): BriefingTopic[] {
  return required.filter((topic) => !attended.includes(topic));
}
