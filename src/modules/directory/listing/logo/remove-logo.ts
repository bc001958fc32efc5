// Removing the logo, with a version.
import { organisationUseCase } from '../change-listing.ts';
import { deleteLogo } from './logo.repo.ts';

export const removeLogo = organisationUseCase(deleteLogo, { confirms: false });
