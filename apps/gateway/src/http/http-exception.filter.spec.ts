import { ArgumentsHost, Logger } from '@nestjs/common';
import { inspect } from 'node:util';
import { HttpErrorFilter } from './http-exception.filter';

function hostFor(reply: Record<string, jest.Mock>): ArgumentsHost {
  return {
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
}

describe('HttpErrorFilter', () => {
  it('logs an unexpected failure without the CNICs and phones its text carries, and answers a plain 500', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const reply: Record<string, jest.Mock> = {};
    for (const method of ['status', 'header', 'send']) {
      reply[method] = jest.fn(() => reply);
    }
    reply.hasHeader = jest.fn(() => false);
    reply.getHeaders = jest.fn(() => ({}));
    const driverError = new Error(
      "insert into roster.personnel (cnic, phone) values ('13302-6660001-5', '+923214440001') - deadlock detected",
    );

    new HttpErrorFilter().catch(driverError, hostFor(reply));

    expect(reply.status).toHaveBeenCalledWith(500);
    expect(JSON.stringify(reply.send.mock.calls)).not.toContain('6660001');
    // inspect, not JSON: an Error object logged as such (with its message) must show here too.
    const written = inspect(logged.mock.calls, { depth: 10 });
    expect(written).toContain('deadlock detected');
    expect(written).toContain('req-1');
    for (const secret of ['6660001', '3214440001']) {
      expect(written).not.toContain(secret);
    }
    logged.mockRestore();
  });
});
