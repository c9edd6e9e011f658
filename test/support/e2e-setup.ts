// Suites start real services and move real data; a test has a minute before it is called stuck.
jest.setTimeout(60_000);

// Every event a suite's consumers take is also checked by validateSync behind the fast path (payload-check.ts); the
// services a suite spawns as processes inherit it.
process.env.RASAD_VERIFY_PAYLOAD_CHECK = 'true';
