// The bare baseline for the API read: Fastify and a pg Pool running the same SQL, with no NATS hop, no Nest and
// no ORM. It runs as its own process so it does not share an event loop with autocannon.
import { toLocalIso } from '@rasad/duty-assignments';
import fastify from 'fastify';
import { Pool } from 'pg';

interface DutyAssignmentRow {
  id: string;
  personnel_id: string;
  post_id: string;
  role: string;
  starts_at: Date;
  ends_at: Date;
  phase: string;
  status: string;
  cancel_reason: string | null;
  change_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});
const app = fastify({ logger: false });
// The gateway answers instants in the deployment's time zone (its LocalTimesInterceptor); so does the baseline.
const zone = process.env.RASAD_TIME_ZONE ?? 'Asia/Karachi';
const local = (instant: Date) => toLocalIso(instant, zone);

app.get<{ Params: { id: string } }>('/api/v1/assignments/:id', async (request, reply) => {
  const { rows } = await pool.query<DutyAssignmentRow>('select * from roster.duty_assignment where id = $1', [
    request.params.id,
  ]);
  if (rows.length === 0) {
    return reply.code(404).send({ code: 'NOT_FOUND', message: `no assignment ${request.params.id}` });
  }
  const a = rows[0];
  // The same shape as the roster's AssignmentView.
  return {
    id: a.id,
    personnelId: a.personnel_id,
    postId: a.post_id,
    role: a.role,
    startsAt: local(a.starts_at),
    endsAt: local(a.ends_at),
    phase: a.phase,
    status: a.status,
    cancelReason: a.cancel_reason,
    changeReason: a.change_reason,
    createdAt: local(a.created_at),
    updatedAt: local(a.updated_at),
  };
});

const close = () => void app.close().then(() => pool.end());
process.once('SIGTERM', close);
process.once('SIGINT', close);

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
