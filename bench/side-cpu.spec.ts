import { cpuMsBetween, parseProcNetTcp } from './side-cpu';

describe('parseProcNetTcp', () => {
  it('reads each socket’s local and remote port (hex) and its inode', () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:B52B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 20943 1 0000000002e9206d 100 0 0 10 0',
      '   1: 0100007F:D431 0100007F:1538 01 00000000:00000000 00:00000000 00000000  1000        0 88211 1 0000000049e5c1a2 20 4 30 10 -1',
      '',
    ].join('\n');
    expect(parseProcNetTcp(text)).toEqual([
      { localPort: 0xb52b, remotePort: 0, inode: 20943 },
      { localPort: 0xd431, remotePort: 5432, inode: 88211 },
    ]);
  });

  it('reads tcp6 addresses, whose colons are in the address too', () => {
    const text = [
      '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0000000000000000FFFF00000100007F:9C40 0000000000000000FFFF00000100007F:1538 01 00000000:00000000 00:00000000 00000000  1000        0 777 1 0000000000000000 20 4 30 10 -1',
    ].join('\n');
    expect(parseProcNetTcp(text)).toEqual([{ localPort: 0x9c40, remotePort: 5432, inode: 777 }]);
  });
});

describe('cpuMsBetween', () => {
  it('counts what each pid used since the first snapshot, and all of a pid that appeared in between', () => {
    const before = {
      processes: new Map([[1, 100]]),
      backends: new Map([
        [2, 50],
        [3, 10],
      ]),
    };
    const after = {
      processes: new Map([[1, 130]]),
      backends: new Map([
        [2, 55],
        [4, 7],
      ]),
    };
    expect(cpuMsBetween(before, after)).toEqual({ totalMs: 30 + 5 + 7, postgresMs: 5 + 7 });
  });
});
