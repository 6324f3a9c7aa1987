import { isMap, isScalar, isSeq } from 'yaml';
import { parseIsoDate } from '../model/dates.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Reads a `calendar` mapping (project or plan front matter). */
export function readCalendar(value: unknown, report: (node: unknown, message: string) => void): { workdays?: number[]; holidays?: number[] } {
  const out: { workdays?: number[]; holidays?: number[] } = {};
  if (!isMap(value)) { report(value, 'calendar takes workdays: [mon, …] and holidays: [YYYY-MM-DD, …]'); return out; }
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const items = isSeq(pair.value) ? pair.value.items : [pair.value];
    if (key === 'workdays') {
      const days: number[] = [];
      for (const item of items) {
        const name = isScalar(item) ? String(item.value).slice(0, 3).toLowerCase() : '';
        const i = WEEKDAYS.indexOf(name);
        if (i < 0) report(item, `"${isScalar(item) ? String(item.value) : ''}" is not a weekday (mon, tue, …)`);
        else if (!days.includes(i)) days.push(i);
      }
      if (days.length) out.workdays = days.sort((a, b) => a - b);
      else report(pair.value, 'a calendar needs at least one working day');
    } else if (key === 'holidays') {
      const days: number[] = [];
      for (const item of items) {
        if (item === null || item === undefined) continue;
        const d = isScalar(item) ? parseIsoDate(String(item.value)) : undefined;
        if (d === undefined) report(item, 'holidays are dates as YYYY-MM-DD');
        else days.push(d);
      }
      out.holidays = [...new Set(days)].sort((a, b) => a - b);
    } else {
      report(pair.key, `unknown calendar setting "${key}"; expected workdays or holidays`);
    }
  }
  return out;
}
