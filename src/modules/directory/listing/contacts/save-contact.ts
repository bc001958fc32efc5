// Adding a contact person, or changing one of the organisation's.
import { organisationUseCase } from '../change-listing.ts';
import { writeContact } from './contacts.repo.ts';

export const saveContact = organisationUseCase(writeContact, { confirms: false });
