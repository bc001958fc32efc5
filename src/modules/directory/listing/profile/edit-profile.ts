// Saving the profile form: names, description, kind, KBO/BCE number, e-mail and website.
import { organisationUseCase } from '../change-listing.ts';
import { updateOrganisation } from './profile.repo.ts';

export const editProfile = organisationUseCase(updateOrganisation, { confirms: true });
