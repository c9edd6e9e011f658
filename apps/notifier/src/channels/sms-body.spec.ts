import { DEFAULT_SMS_BODY_TEMPLATE } from '../notifier.env';
import { checkSmsBodyTemplate, fillSmsBody, parseHeader } from './sms-body';

describe('SMS body template', () => {
  it('fills the default template with JSON-escaped values', () => {
    const body = fillSmsBody(DEFAULT_SMS_BODY_TEMPLATE, {
      to: '+923001234567',
      text: 'Briefing "Code of conduct"\nبریفنگ \\ done',
      reference: 'n-1',
    });
    expect(JSON.parse(body)).toEqual({
      to: '+923001234567',
      text: 'Briefing "Code of conduct"\nبریفنگ \\ done',
      reference: 'n-1',
    });
  });

  it('fills a gateway-specific shape, placeholders anywhere in it', () => {
    const template = '{"messages":[{"destinations":[{"to":"{{to}}"}],"text":"{{text}}","id":"rasad-{{reference}}"}]}';
    expect(JSON.parse(fillSmsBody(template, { to: '+92300', text: 'hi', reference: 'r1' }))).toEqual({
      messages: [{ destinations: [{ to: '+92300' }], text: 'hi', id: 'rasad-r1' }],
    });
  });

  it('refuses at start-up a template that is not JSON or lacks the text or recipient', () => {
    expect(() => checkSmsBodyTemplate(DEFAULT_SMS_BODY_TEMPLATE)).not.toThrow();
    expect(() => checkSmsBodyTemplate('{"to":"{{to}}","text":{{text}}}')).toThrow(/SMS_BODY_TEMPLATE is not a JSON/);
    expect(() => checkSmsBodyTemplate('{"to":"{{to}}"}')).toThrow(/SMS_BODY_TEMPLATE must contain/);
  });

  it('splits an auth header at its first colon', () => {
    expect(parseHeader('Authorization: Bearer a:b')).toEqual(['Authorization', 'Bearer a:b']);
  });
});
