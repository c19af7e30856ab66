// Placeholder until the image extractor lands.
import { folioError } from '../../../shared/errors';
import type { Extractor } from '../../engine/types';

export const extractImage: Extractor = async () => {
  throw folioError('UNSUPPORTED_TYPE', 'image extraction is not available yet.');
};
