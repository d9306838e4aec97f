// The parts of vis-network the network view uses, from its peer build (no injected CSS:
// the stylesheet is vendored beside the script, so a strict style-src needs no exception).
export { Network } from "vis-network/peer/esm/vis-network.js";
export { DataSet } from "vis-data/peer/esm/vis-data.js";
