import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  KitchenOrdersPdfReply,
  KitchenOrdersQuery,
  MAX_PAGE_SIZE,
  MealCostQuery,
  MealCostView,
  OrderLineView,
  Page,
} from '@rasad/contracts';
import { ensureInScope } from '@rasad/messaging';
import { OrderSheet, renderOrderSheets } from './order-sheet';
import { OrdersRepository } from './orders.repository';

@Injectable()
export class OrdersService {
  constructor(
    private readonly em: EntityManager,
    private readonly orders: OrdersRepository,
  ) {}

  lines(query: KitchenOrdersQuery, scope: CallerScope): Promise<Page<OrderLineView>> {
    ensureInScope(scope, query.districtId, 'district', query.districtId);
    return this.orders.lines(this.em, query, scope);
  }

  /** Every kitchen's order of the day (or one kitchen's, one slot's) as one PDF, a kitchen to a page. */
  async pdf(query: KitchenOrdersQuery, scope: CallerScope): Promise<KitchenOrdersPdfReply> {
    ensureInScope(scope, query.districtId, 'district', query.districtId);
    const lines: OrderLineView[] = [];
    let cursor: string | undefined;
    do {
      const found = await this.orders.lines(this.em, { ...query, limit: MAX_PAGE_SIZE, cursor }, scope);
      lines.push(...found.items);
      cursor = found.nextCursor ?? undefined;
    } while (cursor);
    const contacts = await this.orders.contacts(this.em, [...new Set(lines.map((line) => line.kitchenId))]);
    const sheets = new Map<string, OrderSheet>();
    for (const line of lines) {
      let sheet = sheets.get(line.kitchenId);
      if (!sheet) {
        sheet = {
          kitchenName: line.kitchenName,
          contactPhone: contacts.get(line.kitchenId) ?? '',
          date: line.date,
          lines: [],
        };
        sheets.set(line.kitchenId, sheet);
      }
      sheet.lines.push(line);
    }
    const pdf = await renderOrderSheets([...sheets.values()]);
    return { pdf: pdf.toString('base64'), kitchens: sheets.size };
  }

  cost(query: MealCostQuery, scope: CallerScope): Promise<Page<MealCostView>> {
    ensureInScope(scope, query.districtId, 'district', query.districtId);
    return this.orders.cost(this.em, query, scope);
  }
}
