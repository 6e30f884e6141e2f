export { predictionsService } from "./service.js";
