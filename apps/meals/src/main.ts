import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createMeals } from './bootstrap';
import { MealsEnv } from './meals.env';

runMain(async () => {
  const app = await createMeals(loadEnv(MealsEnv));
  await app.listen();
});
