import { ErrorCode } from '@rasad/contracts';
import { capacityConflict } from './capacity';

const KITCHEN = '0190b0c0-0000-7000-8000-0000000000ab';

describe('capacityConflict', () => {
  it("names the kitchen and the slot of the row PostgreSQL refused, through MikroORM's wrapper", () => {
    const driverError = {
      code: '23514',
      constraint: 'kitchen_slot_within_capacity',
      detail: `Failing row contains (${KITCHEN}, 2027-02-08, lunch, 55, 50).`,
    };
    const error = capacityConflict({ previous: driverError }, new Map([[KITCHEN, 'Ghazi Caterers']]));
    expect(error?.code).toBe(ErrorCode.KitchenFull);
    expect(error?.message).toBe(
      'kitchen Ghazi Caterers cannot take these meals for lunch on 2027-02-08: it would have 55 planned, its capacity is 50 a slot',
    );
    expect(error?.details).toMatchObject({ kitchenId: KITCHEN, slot: 'lunch', date: '2027-02-08', capacity: 50 });
  });

  it('leaves any other error alone', () => {
    expect(capacityConflict({ code: '23514', constraint: 'meal_plan_count_not_negative' }, new Map())).toBeUndefined();
    expect(capacityConflict(new Error('boom'), new Map())).toBeUndefined();
  });
});
