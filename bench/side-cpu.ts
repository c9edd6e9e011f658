import fs from 'node:fs';
import { Pool } from 'pg';
import { cpuMsOfPid } from './processes';

// CPU per request is counted alike for every side: the processes that serve it plus the PostgreSQL backends that
// serve those processes. A backend is told apart by its client's port: pg_stat_activity names the port each backend's
// client connects from, and /proc names the ports of each process's sockets. So no side needs to label its
// connections, and no backend of another side (or of the bench itself) is counted.

const POSTGRES_PORT = 5432;

/** One TCP socket of /proc/net/tcp or tcp6. */
export interface TcpSocket {
  localPort: number;
  remotePort: number;
  inode: number;
}

/** Parses /proc/net/tcp (or tcp6): `sl local_address rem_address st … uid timeout inode …`, ports in hex. */
export function parseProcNetTcp(text: string): TcpSocket[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 10)
    .map((fields) => ({
      localPort: parseInt(fields[1].split(':').at(-1)!, 16),
      remotePort: parseInt(fields[2].split(':').at(-1)!, 16),
      inode: Number(fields[9]),
    }));
}

/** The local ports of a process's TCP connections to PostgreSQL. */
export function postgresClientPorts(pid: number): number[] {
  const inodes = new Set<number>();
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return []; // it has exited
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) {
        inodes.add(Number(match[1]));
      }
    } catch {
      // closed while we looked
    }
  }
  return ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((file) => (fs.existsSync(file) ? parseProcNetTcp(fs.readFileSync(file, 'utf8')) : []))
    .filter((socket) => socket.remotePort === POSTGRES_PORT && inodes.has(socket.inode))
    .map((socket) => socket.localPort);
}

/** CPU ms so far of each process of a side and of each PostgreSQL backend serving them, by pid. */
export interface CpuSnapshot {
  processes: Map<number, number>;
  backends: Map<number, number>;
}

export async function sideCpuSnapshot(pool: Pool, pids: number[]): Promise<CpuSnapshot> {
  const ports = pids.flatMap(postgresClientPorts);
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where client_port = any($1::int[])',
    [ports],
  );
  const cpuByPid = (all: number[]) => new Map(all.map((pid) => [pid, cpuMsOfPid(pid)]));
  return { processes: cpuByPid(pids), backends: cpuByPid(rows.map((r) => r.pid)) };
}

/** CPU ms of a side between two snapshots: in all, and in PostgreSQL's backends alone. */
export interface CpuUsed {
  totalMs: number;
  postgresMs: number;
}

/**
 * CPU used between two snapshots: by every pid alive at the second, from the first (or from its start, for a
 * backend opened in between). A backend that closed in between loses its last moments: pools keep theirs open
 * under load.
 */
export function cpuMsBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUsed {
  const used = (was: Map<number, number>, is: Map<number, number>) =>
    [...is].reduce((sum, [pid, ms]) => sum + ms - (was.get(pid) ?? 0), 0);
  const postgresMs = used(before.backends, after.backends);
  return { totalMs: used(before.processes, after.processes) + postgresMs, postgresMs };
}
