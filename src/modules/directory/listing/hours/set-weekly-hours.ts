// A service's weekly hours (two periods a day, a period may run past midnight) and whether it
// closes on public holidays.
import { serviceUseCase } from '../change-listing.ts';
import { writeWeeklyHours } from './hours.repo.ts';

export const setWeeklyHours = serviceUseCase(writeWeeklyHours, { confirms: true });
