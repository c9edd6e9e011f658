import { Language } from '@rasad/personnel';
import { clockFor } from './clock';
import { english } from './english';
import { plainPunctuation } from './gsm7-punctuation';
import { NoticeFacts } from './notice-facts';
import { urdu } from './urdu';

const TEMPLATES = { en: english, ur: urdu } as const;

/** The notice's text in the recipient's language, with times in the deployment's zone. */
export function renderNotice(facts: NoticeFacts, language: Language, timeZone: string): string {
  const text = TEMPLATES[language](facts, clockFor(language, timeZone));
  // English stays within GSM-7 (160 characters a part); Urdu is UCS-2 whatever its punctuation.
  return language === 'en' ? plainPunctuation(text) : text;
}
