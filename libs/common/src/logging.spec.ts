import { loggableUrl } from './logging';

describe('loggableUrl', () => {
  it('keeps the path and parameter names, never their values', () => {
    expect(loggableUrl('/api/v1/personnel?search=13302-1234567-1&limit=5')).toBe('/api/v1/personnel?search=…&limit=…');
    expect(loggableUrl('/api/v1/posts')).toBe('/api/v1/posts');
  });
});
