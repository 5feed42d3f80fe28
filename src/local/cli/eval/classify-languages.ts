import { readTable } from '../../adapters/read-table';
import { predict, trainClassifier } from '../../../engine/classify';
import type { TicketText } from '../../../engine/classify';
import { cell, requireColumn, type Table } from '../../../engine/data';
import { mod5Split } from '../../../engine/eval';

export interface LanguageAccuracy {
  language: string;
  tickets: number;
  accuracy: number;
  /** Accuracy of always answering the language's most frequent training label. */
  majority: number;
}

/**
 * Accuracy per value of a language column on the mod5 test split, beside each language's
 * majority class: how the bench shows German and English are both learnt.
 */
export function accuracyByLanguage(
  table: Table,
  textColumns: readonly string[],
  labelColumn: string,
  languageColumn: string,
): LanguageAccuracy[] {
  const cols = textColumns.map((c) => requireColumn(table, c));
  const labelCol = requireColumn(table, labelColumn);
  const langCol = requireColumn(table, languageColumn);
  const split = mod5Split(table.rows.length);
  const ticket = (i: number): { text: TicketText; label: string; language: string } => {
    const row = table.rows[i] ?? [];
    const [first, ...rest] = cols;
    return {
      text: { summary: cell(row, first ?? 0), description: rest.map((c) => cell(row, c)).join('\n') },
      label: cell(row, labelCol).trim(),
      language: cell(row, langCol).trim(),
    };
  };
  const train = split.train.map(ticket).filter((t) => t.label !== '');
  const test = split.test.map(ticket).filter((t) => t.label !== '');
  const model = trainClassifier(train);
  return [...new Set(test.map((t) => t.language))].sort().map((language) => {
    const mine = test.filter((t) => t.language === language);
    const counts = new Map<string, number>();
    for (const t of train) if (t.language === language) counts.set(t.label, (counts.get(t.label) ?? 0) + 1);
    const major = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
    const hits = mine.filter(
      (t) => predict(model, t.text, { explainTerms: 0 }).ranked[0]?.label === t.label,
    ).length;
    return {
      language,
      tickets: mine.length,
      accuracy: hits / mine.length,
      majority: mine.filter((t) => t.label === major).length / mine.length,
    };
  });
}

// Run by bench/classify.ts as a plain node child: node dist/cli/eval/classify-languages.js FILE TEXTCOLS LABEL LANGCOL
if (require.main === module) {
  const [file, text, label, language] = process.argv.slice(2);
  if (file === undefined || text === undefined || label === undefined || language === undefined) {
    process.stderr.write('usage: classify-languages FILE TEXT_COLS LABEL_COL LANGUAGE_COL\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(
      `${JSON.stringify(accuracyByLanguage(readTable(file), text.split(','), label, language))}\n`,
    );
  }
}
