/** Share links (links.md §1): schema, parser, serializer. */
export {
  COMPARISON_PAIRS,
  DEFAULT_KERNELS,
  GLOBAL_PARAMS,
  INSTANCE_POSITIONS,
  LINK_VERSION,
  MAX_INSTANCES,
  coerceGlobal,
  choiceOptions,
  coerceParam,
  controlSpec,
  defaultState,
  formatLinkNumber,
  type Coerced,
  type GlobalKey,
  type GlobalParam,
  type ListParam,
  type LinkState,
} from './params';
export { comparison, resolvePosition, sameComparisonText, type Comparison } from './comparison';
export { parseLink, type ParsedLink, type Repair } from './parseLink';
export { instanceText, serializeLink } from './serializeLink';
export {
  DEGREE_LIMITS,
  WIDTH_LIMITS,
  POINT_LIMITS,
  fileNameText,
  pointsText,
  readIntegers,
  readPoints,
  readSequences,
  sequencesText,
  type DataPoint,
} from './lists';
