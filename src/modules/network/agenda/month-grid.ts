// A month of the agenda in Brussels: its days' first moments (to count each day's dates) and its
// weeks, Monday first, as the calendar shows them. The same for every reader of that month, so each
// process works a month out once (luxon's time-zone arithmetic is the dearest part of the page).
import { DateTime } from 'luxon';
import { LRUCache } from 'lru-cache';
import { eventTimeZone } from '../events/recurrence.ts';
import type { AgendaCard } from './agenda-queries.ts';
import type { AgendaPageData, MonthDay } from './page-data.ts';

interface MonthShape {
  /** The first moment of each day of the month, and of the next month's first day. */
  dayStarts: Date[];
  /** Each day of the month, "2027-03-18". */
  days: string[];
  weeks: Omit<MonthDay, 'items' | 'more'>[][];
  previous: string;
  next: string;
}

const shapes = new LRUCache<string, MonthShape>({ max: 100 });

/** The shape of a month ("2027-03"). */
export function monthShape(month: string): MonthShape {
  let shape = shapes.get(month);
  if (shape) return shape;
  const first = DateTime.fromISO(`${month}-01`, { zone: eventTimeZone });
  const dayStarts: Date[] = [];
  const days: string[] = [];
  for (let d = first; d <= first.plus({ months: 1 }); d = d.plus({ days: 1 })) {
    dayStarts.push(d.toJSDate());
    days.push(d.toISODate()!);
  }
  days.pop();
  const weeks: MonthShape['weeks'] = [];
  const end = first.endOf('month').endOf('week');
  for (let d = first.startOf('week'); d < end; d = d.plus({ days: 1 })) {
    if (d.weekday === 1) weeks.push([]);
    weeks.at(-1)!.push({
      date: d.toISODate()!,
      noon: d.set({ hour: 12 }).toJSDate(),
      inMonth: d.month === first.month,
    });
  }
  shape = {
    dayStarts,
    days,
    weeks,
    previous: first.minus({ months: 1 }).toFormat('yyyy-MM'),
    next: first.plus({ months: 1 }).toFormat('yyyy-MM'),
  };
  shapes.set(month, shape);
  return shape;
}

/** The month's weeks with each day's first dates and how many more it has. */
export function monthWeeks(
  month: string,
  items: (AgendaCard & { dayTotal: number })[],
): NonNullable<AgendaPageData['month']> {
  const shape = monthShape(month);
  const byDay = new Map<string, { items: AgendaCard[]; total: number }>();
  // Items come in time order; each belongs to the first day whose next day starts after it.
  let day = 0;
  const starts = shape.dayStarts;
  for (const item of items) {
    while (day < shape.days.length - 1 && item.start >= starts[day + 1]!) day++;
    const date = shape.days[day]!;
    const entry = byDay.get(date) ?? { items: [], total: item.dayTotal };
    entry.items.push(item);
    byDay.set(date, entry);
  }
  return {
    weeks: shape.weeks.map((week) =>
      week.map((d) => {
        const found = byDay.get(d.date);
        return { ...d, items: found?.items ?? [], more: found ? found.total - found.items.length : 0 };
      }),
    ),
    previous: shape.previous,
    next: shape.next,
  };
}
