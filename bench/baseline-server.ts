// The bare baseline for the API read: Fastify and a pg Pool running the same SQL as a prepared statement, with no
// NATS hop, no Nest, no ORM and no sign-in. The caller's districts come in a header (`x-district-ids`, comma-separated;
// none for an admin), as a gateway would hand them to a service, and are checked in the same SQL as the roster's:
// the duty's post must lie in one of them. It runs as its own process so it does not share an event loop with the load.
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

const COLUMNS =
  'a.id, a.personnel_id, a.post_id, a.role, a.starts_at, a.ends_at, a.phase, a.status, a.cancel_reason, a.change_reason, a.created_at, a.updated_at';
const GET = { name: 'assignment', text: `select ${COLUMNS} from roster.duty_assignment a where a.id = $1` };
const GET_IN_DISTRICTS = {
  name: 'assignment-in-districts',
  text:
    `select ${COLUMNS} from roster.duty_assignment a where a.id = $1 and exists ` +
    '(select 1 from roster.post p where p.id = a.post_id and p.district_id = any($2::uuid[]))',
};

app.get<{ Params: { id: string } }>('/api/v1/assignments/:id', async (request, reply) => {
  const districts = request.headers['x-district-ids'];
  const { id } = request.params;
  const { rows } = await pool.query<DutyAssignmentRow>(
    typeof districts === 'string'
      ? { ...GET_IN_DISTRICTS, values: [id, districts.split(',')] }
      : { ...GET, values: [id] },
  );
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
