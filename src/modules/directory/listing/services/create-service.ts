// A new service of an organisation, from the service form; its first version lists every field set.
import { organisationUseCase } from '../change-listing.ts';
import { insertService } from './services.repo.ts';

export const createService = organisationUseCase(insertService, { confirms: true });
