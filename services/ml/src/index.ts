export { mlService } from "./service.js";
