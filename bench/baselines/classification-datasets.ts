/** The classification datasets of ../shared/docs/benchmarks.md: file, text columns, label. */
export interface ClassificationDataset {
  name: string;
  file: string;
  text: string[];
  label: string;
  /** A column naming each ticket's language, for per-language figures. */
  languageColumn?: string;
}

export const CLASSIFICATION_DATASETS: readonly ClassificationDataset[] = [
  { name: 'itsc-topics', file: 'itsc-topics.csv.gz', text: ['Document'], label: 'Topic_group' },
  {
    name: 'ata-assignment',
    file: 'ata-assignment.csv.gz',
    text: ['Short description', 'Description'],
    label: 'Assignment group',
  },
  {
    name: 'multilang-synthetic',
    file: 'multilang-synthetic.csv.gz',
    text: ['subject', 'body'],
    label: 'queue',
    languageColumn: 'language',
  },
];
