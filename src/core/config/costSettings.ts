import * as z from 'zod';
import { currencyCode, parseValue } from '../model/valueSchemas.js';
import type { Money } from '../model/types.js';

/**
 * `currency` and `rates` of `.specline.yml` (cost and budget in docs/format.md), as zod
 * schemas over the plain YAML values. The loader reports each issue on the node it is about.
 */

/** `currency: EUR` (or a symbol such as `€`), stored as its upper-case code. */
export const currencySchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v, ctx): string => {
  const code = typeof v === 'string' ? currencyCode(v) : undefined;
  if (code) return code;
  ctx.addIssue({ code: 'custom', message: `currency is a three-letter code such as EUR or USD, or a symbol such as €, got "${String(v)}"` });
  return z.NEVER;
});

/** One day rate: money, at least 0 (a currency, when written, is compared with `currency` by the loader). */
export const rateSchema = z.unknown().transform((v, ctx): Money => {
  const result = parseValue('cost', v);
  if (result.ok) return result.value as Money;
  ctx.addIssue({ code: 'custom', message: `a day rate is an amount of money such as 640 or EUR 640: ${result.message}` });
  return z.NEVER;
});

/** A rates key: `default`, or an owner handle (`@ana`; a bare `ana` gets its `@`). */
export const rateKeySchema = z.string().transform((v, ctx): string => {
  if (v === 'default') return v;
  if (/^@?[\p{L}\p{N}_.-]+$/u.test(v)) return v.startsWith('@') ? v : `@${v}`;
  ctx.addIssue({ code: 'custom', message: `rates keys are "default" and @owner handles, got "${v}"` });
  return z.NEVER;
});

/** The first issue's message of a failed zod parse. */
export function issueMessage(error: z.ZodError, fallback: string): string {
  const issue = error.issues[0];
  return issue && issue.code === 'custom' ? issue.message : fallback;
}
