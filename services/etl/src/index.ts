export { etlService } from "./service.js";
