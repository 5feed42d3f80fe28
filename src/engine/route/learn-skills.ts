/**
 * Skills learned from history: how many tickets each agent resolved per category. Keys are
 * user text (agent ids, category names), so everything lives in Maps.
 */
export interface ResolvedTicket {
  assignee: string;
  category: string;
  resolved: boolean;
}

export function learnSkills(history: readonly ResolvedTicket[]): Map<string, Map<string, number>> {
  const skills = new Map<string, Map<string, number>>();
  for (const t of history) {
    if (!t.resolved || t.assignee.trim() === '' || t.category.trim() === '') continue;
    let perCategory = skills.get(t.assignee);
    if (perCategory === undefined) {
      perCategory = new Map();
      skills.set(t.assignee, perCategory);
    }
    perCategory.set(t.category, (perCategory.get(t.category) ?? 0) + 1);
  }
  return skills;
}
