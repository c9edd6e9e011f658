import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import { OrmContextInterceptor } from '@rasad/common';
import { PingReply } from '@rasad/contracts';
import { DomainRpcExceptionFilter } from './rpc-exception.filter';
import { RpcLoggingInterceptor } from './rpc-logging.interceptor';
import { rasadValidationPipe } from './validation.pipe';

/** What every service puts around each message: validation, coded errors, request-id logging, its own EntityManager. */
export function serviceProviders(): Provider[] {
  return [
    { provide: APP_PIPE, useFactory: rasadValidationPipe },
    { provide: APP_FILTER, useClass: DomainRpcExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: RpcLoggingInterceptor },
    { provide: APP_INTERCEPTOR, useClass: OrmContextInterceptor },
  ];
}

/** Answers `<service>.health.ping.v1` for the gateway's /health, with this service's own view of its database. */
export function healthController(service: string): Type<unknown> {
  @Controller()
  class HealthController {
    constructor(private readonly em: EntityManager) {}

    @MessagePattern(`${service}.health.ping.v1`)
    async ping(): Promise<PingReply> {
      try {
        await this.em.execute('select 1');
        return { service, database: 'up' };
      } catch {
        return { service, database: 'down' };
      }
    }
  }
  return HealthController;
}
