// Saving a service from its form.
import { serviceUseCase } from '../change-listing.ts';
import { updateService } from './services.repo.ts';

export const editService = serviceUseCase(updateService, { confirms: true });
