import { describeHostileBodies } from './support/hostile/hostile-suite';

// Issue 19: any body, query or path against an existing record answers a 4xx naming the field, never a 5xx. A few runs
// a route here; `npm run test:faults` runs many more from test/faults/hostile-bodies.e2e-spec.ts.
describeHostileBodies(Number(process.env.HOSTILE_RUNS ?? (process.env.FAULT_EVENTS ? 200 : 8)));
