import { AutovacuumThresholds, TableActivity, due, naptimeMs } from './autovacuum';

// PostgreSQL 15's defaults.
const DEFAULTS: AutovacuumThresholds = {
  analyzeThreshold: 50,
  analyzeScaleFactor: 0.1,
  vacuumThreshold: 50,
  vacuumScaleFactor: 0.2,
  vacuumInsertThreshold: 1000,
  vacuumInsertScaleFactor: 0.2,
};

const table = (activity: Partial<TableActivity>): TableActivity => ({
  table: 'transport.leg',
  reltuples: 0,
  modifiedSinceAnalyze: 0,
  dead: 0,
  insertedSinceVacuum: 0,
  ...activity,
});

describe('bench autovacuum', () => {
  it('analyzes a table the seed left empty once more than 50 rows came in, as autovacuum would', () => {
    expect(due(table({ reltuples: -1, modifiedSinceAnalyze: 50 }), DEFAULTS).analyze).toBe(false);
    expect(due(table({ reltuples: -1, modifiedSinceAnalyze: 51 }), DEFAULTS).analyze).toBe(true);
  });

  it('analyzes a large table only past 10% of its rows changed', () => {
    expect(due(table({ reltuples: 900_000, modifiedSinceAnalyze: 90_050 }), DEFAULTS).analyze).toBe(false);
    expect(due(table({ reltuples: 900_000, modifiedSinceAnalyze: 90_051 }), DEFAULTS).analyze).toBe(true);
  });

  it('vacuums past 20% dead rows, or past 20% inserted since the last vacuum, and not before', () => {
    expect(due(table({ reltuples: 1000, dead: 250 }), DEFAULTS).vacuum).toBe(false);
    expect(due(table({ reltuples: 1000, dead: 251 }), DEFAULTS).vacuum).toBe(true);
    expect(due(table({ reltuples: 10_000, insertedSinceVacuum: 3000 }), DEFAULTS).vacuum).toBe(false);
    expect(due(table({ reltuples: 10_000, insertedSinceVacuum: 3001 }), DEFAULTS).vacuum).toBe(true);
    // -1 turns the insert trigger off.
    expect(due(table({ insertedSinceVacuum: 1e9 }), { ...DEFAULTS, vacuumInsertThreshold: -1 }).vacuum).toBe(false);
  });

  it('reads autovacuum_naptime as the server shows it', () => {
    expect(naptimeMs('1min')).toBe(60_000);
    expect(naptimeMs('30s')).toBe(30_000);
    expect(naptimeMs('15')).toBe(15_000);
    expect(naptimeMs('500ms')).toBe(500);
    expect(() => naptimeMs('soon')).toThrow('autovacuum_naptime');
  });
});
