import { z } from 'zod';

/**
 * zod schemas for the Jira / JSM responses the app reads. They check only what the app uses and
 * drop the rest, so a site that adds properties does not break parsing; the contract tests check
 * the emulator's full responses against the official specs separately.
 */

/** Jira's date-time strings (`2026-11-22T14:31:00.000+0000`) as epoch ms. */
export const JiraDateTime = z.string().transform((s, ctx) => {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `not a date-time: ${s.slice(0, 40)}` });
    return z.NEVER;
  }
  return ms;
});

export const IssueResponse = z.object({
  id: z.string().regex(/^\d{1,18}$/),
  key: z.string().min(1).max(64),
  fields: z.record(z.string(), z.unknown()).default({}),
});

export const SearchJqlResponse = z.object({
  issues: z.array(IssueResponse).default([]),
  nextPageToken: z.string().min(1).nullish(),
  isLast: z.boolean().optional(),
});

export const CountIssuesResponse = z.object({ count: z.number().int().nonnegative() });

export const IssueLinkTypesResponse = z.object({
  issueLinkTypes: z.array(
    z.object({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string() }),
  ),
});

export const CommentCreatedResponse = z.object({ id: z.string().min(1) });

const ChangeItem = z.object({
  field: z.string().optional(),
  fieldId: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

export const BulkChangelogResponse = z.object({
  issueChangeLogs: z
    .array(
      z.object({
        issueId: z.string(),
        changeHistories: z
          .array(
            z.object({
              id: z.string(),
              author: z.object({ accountId: z.string().optional() }).nullish(),
              created: JiraDateTime,
              items: z.array(ChangeItem).default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  nextPageToken: z.string().min(1).nullish(),
});

export const PermissionsResponse = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean().optional() })),
});

export const MyselfResponse = z.object({
  accountId: z.string().min(1),
  accountType: z.string().nullish(),
  displayName: z.string().default(''),
  locale: z.string().nullish(),
  timeZone: z.string().nullish(),
});

/** `GET /rest/api/3/user/bulk` (PageBeanUser): only what the app shows. */
export const UserPageResponse = z.object({
  values: z
    .array(
      z.object({
        accountId: z.string().min(1),
        displayName: z.string().default(''),
        active: z.boolean().default(true),
      }),
    )
    .default([]),
  isLast: z.boolean().default(true),
});

/** JSM's paged answers: `{values, start, limit, size, isLastPage}`. */
export function pagedResponse<T extends z.ZodType>(item: T) {
  return z.object({
    values: z.array(item).default([]),
    start: z.number().int().nonnegative().optional(),
    limit: z.number().int().positive().optional(),
    size: z.number().int().nonnegative().optional(),
    isLastPage: z.boolean().default(true),
  });
}

const DateDto = z.object({ epochMillis: z.number() });
const DurationDto = z.object({ millis: z.number() });

const SlaCompletedCycle = z.object({
  startTime: DateDto,
  stopTime: DateDto.optional(),
  breachTime: DateDto.optional(),
  breached: z.boolean().default(false),
  goalDuration: DurationDto.optional(),
  elapsedTime: DurationDto.optional(),
  remainingTime: DurationDto.optional(),
});

const SlaOngoingCycle = SlaCompletedCycle.extend({
  paused: z.boolean().default(false),
  withinCalendarHours: z.boolean().default(true),
});

export const SlaInformation = z.object({
  id: z.string(),
  name: z.string(),
  completedCycles: z.array(SlaCompletedCycle).default([]),
  ongoingCycle: SlaOngoingCycle.optional(),
});

export const ServiceDeskDto = z.object({
  id: z.string(),
  projectId: z.string(),
  projectKey: z.string(),
  projectName: z.string().default(''),
});

export const RequestTypeDto = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().default(''),
  issueTypeId: z.string().optional(),
  serviceDeskId: z.string().optional(),
});

export const QueueDto = z.object({
  id: z.string(),
  name: z.string(),
  jql: z.string().default(''),
  issueCount: z.number().int().optional(),
});

export const ArticleDto = z.object({
  title: z.string().default(''),
  excerpt: z.string().default(''),
  content: z.object({ iframeSrc: z.string().optional() }).optional(),
  source: z
    .object({ type: z.string().optional(), pageId: z.string().optional(), spaceKey: z.string().optional() })
    .optional(),
});

/** Jira platform errors (`ErrorCollection`) and JSM errors (`ErrorResponse`) in one reader. */
export const ErrorBody = z.object({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  errorMessage: z.string().optional(),
});
