import { Inject, Injectable } from '@nestjs/common';
import { ConsumerStatusView, ConsumersStatusView, consumerStatusSubject } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { GatewayEnv } from '../gateway.env';

const STATUS_TIMEOUT_MS = 2000;

/** Asks every consuming service how far behind the events it is; one that does not answer is reported, not fatal. */
@Injectable()
export class StatusService {
  private readonly consumers: string[];

  constructor(
    private readonly rasad: RasadClient,
    @Inject(GatewayEnv) env: GatewayEnv,
  ) {
    this.consumers = env.RASAD_EVENT_CONSUMERS.split(',').filter((name) => name !== 'none');
  }

  async consumersStatus(): Promise<ConsumersStatusView> {
    const consumers = await Promise.all(this.consumers.map((service) => this.consumerStatus(service)));
    return { caughtUp: consumers.every((c) => c.error === undefined && c.pending === 0), consumers };
  }

  private async consumerStatus(service: string): Promise<ConsumerStatusView> {
    try {
      return await this.rasad.send(consumerStatusSubject(service), {}, { timeoutMs: STATUS_TIMEOUT_MS });
    } catch (error) {
      return {
        service,
        pending: 0,
        lastAppliedAt: null,
        lastEventOccurredAt: null,
        secondsBehind: 0,
        error: (error as Error).message,
      };
    }
  }
}
