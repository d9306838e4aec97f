// The parts of vis-timeline the timeline view uses, from its peer build (stylesheet vendored apart).
export { Timeline } from "vis-timeline/peer/esm/vis-timeline-graph2d.js";
export { DataSet } from "vis-data/peer/esm/vis-data.js";
