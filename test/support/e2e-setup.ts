// Suites start real services and move real data; a test has a minute before it is called stuck.
jest.setTimeout(60_000);
