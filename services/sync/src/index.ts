export { syncService } from "./service.js";
