/** Registers every module's routes. */
import type { App, AppOptions } from './app.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';

export async function registerRoutes(app: App, _options: AppOptions) {
  await app.register(authRoutes);
}
