export { schedulerService } from "./service.js";
