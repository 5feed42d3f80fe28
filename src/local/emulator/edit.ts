import { z } from 'zod';
import type { AdfDocument } from '../../core/ports/jira';
import { SEED_FIELDS } from './seed';
import { customOption } from './rest-json';
import { PRIORITY_NAMES, type Actor, type EmuChange, type EmuIssue, type EmulatorSite } from './site';

/**
 * Jira's edit-issue semantics for the fields the emulator models: validates like Jira (400 with
 * `errors` per field), then applies all changes at once and records them in the history.
 * Used by `PUT /rest/api/3/issue/{key}` and by the workbench directly.
 */

export const AdfDoc = z.object({
  type: z.literal('doc'),
  version: z.literal(1),
  content: z.array(z.unknown()).max(10_000),
});

const Ref = z.object({
  name: z.string().optional(),
  id: z.string().optional(),
  value: z.string().optional(),
});

/**
 * A plain JSON object taken as is: a record schema would quietly drop a `__proto__` key, and
 * Jira answers every field it cannot set with an error, so the emulator must see them all.
 */
const JsonObject = z.custom<Record<string, unknown>>(
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'expected an object',
);

const UpdateOps = z
  .array(
    z.object({ add: z.unknown().optional(), remove: z.unknown().optional(), set: z.unknown().optional() }),
  )
  .max(100);

export const EditBody = z.object({
  fields: JsonObject.default({}),
  update: JsonObject.default({}),
});

export class EditError extends Error {
  override readonly name = 'EditError';
  constructor(readonly errors: Record<string, string>) {
    super(Object.values(errors).join('; '));
  }
}

type Change = { change: EmuChange; apply: (issue: EmuIssue) => void };

const CANNOT_SET = (field: string): string =>
  `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;

export function editIssue(
  site: EmulatorSite,
  issue: EmuIssue,
  body: z.infer<typeof EditBody>,
  actor: Actor,
): void {
  const errors: Record<string, string> = Object.create(null) as Record<string, string>;
  const changes: Change[] = [];
  const record = (
    fieldId: string,
    from: string | null,
    to: string | null,
    apply: (i: EmuIssue) => void,
  ): void => {
    if (from === to) return;
    changes.push({ change: { fieldId, from, fromString: from, to, toString: to }, apply });
  };
  let labels: string[] | null = null;

  for (const [field, value] of Object.entries(body.fields)) {
    switch (field) {
      case 'summary': {
        if (typeof value !== 'string' || value.trim() === '' || value.length > 255) {
          errors.summary = 'You must specify a summary of the issue (at most 255 characters).';
          break;
        }
        record('summary', issue.summary, value, (i) => (i.summary = value));
        break;
      }
      case 'description': {
        if (value === null) {
          record('description', issue.description ? 'set' : null, null, (i) => (i.description = null));
          break;
        }
        const doc = AdfDoc.safeParse(value);
        if (!doc.success) {
          errors.description =
            'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
          break;
        }
        const adf = doc.data as AdfDocument;
        changes.push({
          change: { fieldId: 'description', from: null, fromString: null, to: null, toString: null },
          apply: (i) => (i.description = adf),
        });
        break;
      }
      case 'priority': {
        const name = optionName(value, (id) => PRIORITY_NAMES[Number(id) - 1]);
        if (name === undefined || (name !== null && !(PRIORITY_NAMES as readonly string[]).includes(name))) {
          errors.priority = `The priority selected is invalid.`;
          break;
        }
        record('priority', issue.priority, name, (i) => (i.priority = name));
        break;
      }
      case 'labels': {
        const parsed = z.array(z.string().min(1).max(255)).max(100).safeParse(value);
        if (!parsed.success) {
          errors.labels = 'Labels must be a list of strings.';
          break;
        }
        const spaced = parsed.data.find((l) => /\s/.test(l));
        if (spaced !== undefined) {
          errors.labels = `The label '${spaced}' contains spaces which is invalid.`;
          break;
        }
        labels = [...new Set(parsed.data)];
        break;
      }
      case 'components': {
        const parsed = z.array(Ref).max(50).safeParse(value);
        const known = projectComponents(site, issue.projectKey);
        const names = parsed.success ? parsed.data.map((c) => c.name ?? '') : null;
        const unknown = names?.find((n) => !known.has(n));
        if (names === null || unknown !== undefined) {
          errors.components = `Component name '${unknown ?? '?'}' is not valid`;
          break;
        }
        record(
          'components',
          issue.components.join(', ') || null,
          names.join(', ') || null,
          (i) => (i.components = names),
        );
        break;
      }
      case 'assignee': {
        if (value === null) {
          record('assignee', issue.assigneeId, null, (i) => (i.assigneeId = null));
          break;
        }
        const accountId = z.object({ accountId: z.string() }).safeParse(value);
        const user = accountId.success ? site.users.get(accountId.data.accountId) : undefined;
        if (!user || user.kind === 'customer') {
          errors.assignee = `User '${accountId.success ? accountId.data.accountId : '?'}' cannot be assigned issues.`;
          break;
        }
        record('assignee', issue.assigneeId, user.accountId, (i) => (i.assigneeId = user.accountId));
        break;
      }
      case SEED_FIELDS.requestType: {
        const id = typeof value === 'string' ? value : optionName(value, (x) => x);
        const rt = site.requestTypes.find((r) => r.id === id || r.name === id);
        const desk = site.serviceDesks.find((d) => d.projectKey === issue.projectKey);
        if (!rt || rt.serviceDeskId !== desk?.id) {
          errors[field] = `The request type '${String(id)}' does not exist in this service project.`;
          break;
        }
        // As JSM's "Change request type": only within the issue's issue type (else: move the issue).
        if (rt.issueType !== issue.issueType) {
          errors[field] =
            `The request type '${rt.name}' is not valid for the issue type '${issue.issueType}'.`;
          break;
        }
        record(field, issue.requestTypeId, rt.id, (i) => (i.requestTypeId = rt.id));
        break;
      }
      case SEED_FIELDS.team: {
        // Jira's Team field takes the Atlassian team's id as a plain string (null clears it);
        // a team name or an option object is refused, as Jira does.
        if (value !== null && typeof value !== 'string') {
          errors[field] = 'The Team field takes a team id.';
          break;
        }
        const team = value === null ? null : site.teams.find((t) => t.id === value);
        if (value !== null && !team) {
          errors[field] = `Team '${value}' does not exist.`;
          break;
        }
        const teamId = team ? team.id : null;
        record(field, issue.teamId, teamId, (i) => (i.teamId = teamId));
        break;
      }
      case SEED_FIELDS.category:
      case SEED_FIELDS.impact: {
        const key = field === SEED_FIELDS.category ? 'category' : 'impact';
        const name = optionName(value, () => undefined);
        const allowed = projectOptions(site, issue.projectKey, (i) => i[key]);
        if (name === undefined || (name !== null && !allowed.has(name))) {
          errors[field] = `Option value '${String(name)}' is not valid`;
          break;
        }
        record(field, issue[key], name, (i) => (i[key] = name));
        break;
      }
      default: {
        if (!site.customFields.some((f) => f.id === field)) {
          errors[field] = CANNOT_SET(field);
          break;
        }
        const name = optionName(value, () => undefined);
        const allowed = projectOptions(site, issue.projectKey, (i) => customOption(i, field));
        if (name === undefined || (name !== null && !allowed.has(name))) {
          errors[field] = `Option value '${String(name)}' is not valid`;
          break;
        }
        record(field, customOption(issue, field), name, (i) => {
          const custom = i.custom ?? (Object.create(null) as Record<string, string>);
          if (name === null) delete custom[field];
          else custom[field] = name;
          i.custom = custom;
        });
      }
    }
  }

  for (const [field, rawOps] of Object.entries(body.update)) {
    const parsedOps = UpdateOps.safeParse(rawOps);
    if (field !== 'labels' || !parsedOps.success) {
      errors[field] = field === 'labels' ? 'Invalid label operation.' : CANNOT_SET(field);
      continue;
    }
    const ops = parsedOps.data;
    const next = new Set(labels ?? issue.labels);
    for (const op of ops) {
      if (typeof op.add === 'string' && !/\s/.test(op.add) && op.add !== '') next.add(op.add);
      else if (typeof op.remove === 'string') next.delete(op.remove);
      else if (
        Array.isArray(op.set) &&
        op.set.every((l): l is string => typeof l === 'string' && !/\s/.test(l))
      ) {
        next.clear();
        for (const l of op.set) next.add(l);
      } else errors.labels = 'Invalid label operation.';
    }
    labels = [...next];
  }

  if (labels !== null) {
    const final = labels;
    record('labels', issue.labels.join(' ') || null, final.join(' ') || null, (i) => (i.labels = final));
  }
  if (Object.keys(errors).length > 0) throw new EditError(errors);
  site.updateIssue(
    issue,
    changes.map((c) => c.change),
    (i) => {
      for (const c of changes) c.apply(i);
    },
    actor,
  );
}

/**
 * The option named by `{name}`, `{value}` or `{id}`; null when the value is null (clears the
 * field); undefined when the value is not shaped like an option.
 */
function optionName(value: unknown, byId: (id: string) => string | undefined): string | null | undefined {
  if (value === null) return null;
  const ref = Ref.safeParse(value);
  if (!ref.success) return undefined;
  if (ref.data.name !== undefined) return ref.data.name;
  if (ref.data.value !== undefined) return ref.data.value;
  if (ref.data.id !== undefined) return byId(ref.data.id);
  return undefined;
}

function projectComponents(site: EmulatorSite, projectKey: string): Set<string> {
  return new Set(
    site
      .allIssues()
      .filter((i) => i.projectKey === projectKey)
      .flatMap((i) => i.components),
  );
}

/** The options a select field has in a project: every value its issues use. */
function projectOptions(
  site: EmulatorSite,
  projectKey: string,
  value: (issue: EmuIssue) => string | null,
): Set<string> {
  const out = new Set<string>();
  for (const issue of site.allIssues()) {
    const v = issue.projectKey === projectKey ? value(issue) : null;
    if (v !== null) out.add(v);
  }
  return out;
}
