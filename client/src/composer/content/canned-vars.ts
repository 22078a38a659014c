// Canned responses' variables are filled the same way on the device and by the server's
// automatic replies (routing rules): the one implementation lives in shared.
export { CANNED_VARIABLES, fillCannedVariables, firstName, type CannedVars } from "@inbox/shared/domain/canned-vars";
