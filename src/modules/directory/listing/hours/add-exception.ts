// A dated exception to a service's hours: a closure, or special hours for some days.
import { serviceUseCase } from '../change-listing.ts';
import { insertException } from './exceptions.repo.ts';

export const addException = serviceUseCase(insertException, { confirms: true });
