import type { ServiceModule } from "@matchday/shared";
import { analyticsService } from "@matchday/analytics";
import { etlService } from "@matchday/etl";
import { mlService } from "@matchday/ml";
import { predictionsService } from "@matchday/predictions";
import { schedulerService } from "@matchday/scheduler";
import { syncService } from "@matchday/sync";

/** Every service, by name, in start order (the scheduler last: workers first, then ticks). */
export const SERVICES: Record<string, ServiceModule> = {
  sync: syncService as unknown as ServiceModule,
  ml: mlService as unknown as ServiceModule,
  predictions: predictionsService as unknown as ServiceModule,
  analytics: analyticsService as unknown as ServiceModule,
  etl: etlService as unknown as ServiceModule,
  scheduler: schedulerService as unknown as ServiceModule,
};
