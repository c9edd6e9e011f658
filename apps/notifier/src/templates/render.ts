import { Language } from '@rasad/personnel';
import { clockFor } from './clock';
import { english } from './english';
import { NoticeFacts } from './notice-facts';
import { urdu } from './urdu';

const TEMPLATES = { en: english, ur: urdu } as const;

/** The notice's text in the recipient's language, with times in the deployment's zone. */
export function renderNotice(facts: NoticeFacts, language: Language, timeZone: string): string {
  return TEMPLATES[language](facts, clockFor(language, timeZone));
}
