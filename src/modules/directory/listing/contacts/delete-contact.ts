// Removing a contact person; the version keeps what it was.
import { organisationUseCase } from '../change-listing.ts';
import { removeContact } from './contacts.repo.ts';

export const deleteContact = organisationUseCase(removeContact, { confirms: false });
