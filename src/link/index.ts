/** Share links (links.md §1): schema, parser, serializer. */
export {
  DEFAULT_KERNELS,
  GLOBAL_PARAMS,
  INSTANCE_POSITIONS,
  LINK_VERSION,
  MAX_INSTANCES,
  coerceParam,
  defaultState,
  formatLinkNumber,
  type Coerced,
  type GlobalKey,
  type GlobalParam,
  type LinkState,
} from './params';
export { parseLink, type ParsedLink, type Repair } from './parseLink';
export { instanceText, serializeLink } from './serializeLink';
