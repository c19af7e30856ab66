// Placeholder until the xlsx extractor lands.
import { folioError } from '../../../shared/errors';
import type { Extractor } from '../../engine/types';

export const extractXlsx: Extractor = async () => {
  throw folioError('UNSUPPORTED_TYPE', 'xlsx extraction is not available yet.');
};
