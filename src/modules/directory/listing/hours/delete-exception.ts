// Removing a dated exception; the version keeps what it was.
import { serviceUseCase } from '../change-listing.ts';
import { removeException } from './exceptions.repo.ts';

export const deleteException = serviceUseCase(removeException, { confirms: false });
