// Adding a place, or changing one of the organisation's, with the services given there.
import { organisationUseCase } from '../change-listing.ts';
import { writeLocation } from './locations.repo.ts';

export const saveLocation = organisationUseCase(writeLocation, { confirms: true });
