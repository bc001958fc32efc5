// Removing a place; the version keeps what it was.
import { organisationUseCase } from '../change-listing.ts';
import { removeLocation } from './locations.repo.ts';

export const deleteLocation = organisationUseCase(removeLocation, { confirms: false });
