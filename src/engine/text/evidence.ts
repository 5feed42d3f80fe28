import { normalize } from './normalize';
import { ENGLISH_STOPWORDS, GERMAN_STOPWORDS } from './stopwords';

/**
 * Which words may stand as evidence in an explanation. A model may well learn from "my", "Hallo"
 * or a colleague's name (on one desk they correlate with a class), but no agent accepts them as
 * a reason, so explanations keep only words that carry a topic. The lists are wider than the
 * analyzer's stop words on purpose: those must stay short so that search keeps domain words,
 * while evidence can afford to drop a generic verb. Both languages apply to every text, since
 * tickets mix them ("Drucker geht nicht, see attached").
 */
const FILLER: ReadonlySet<string> = new Set(
  `
  about above after again against ago all almost already also always am any anyone anything anyway
  around asap attached back because been before being below best between both bye came can't cannot
  cheers come comes could couldn't day days dear did didn't does doesn't doing don't done down during
  each eg else end etc even ever every eveything everything few first fyi follow followed following
  followup further get gets getting give go goes going gone good got great greetings guys had hasn't
  haven't having help here hers herself hey hi him himself hmm i'd i'll i'm i've ie isn't itself just
  keep know last later let like look looks lot made make many may maybe me mean might mine more morning
  afternoon evening most much must myself need needed needs never new next nothing now off often ok okay
  once one only other others ours ourselves out over own per pls plz quite rather really regards right
  said same say says see seems seen send sent should since sincerely some someone something sometimes
  soon sorry still such sure take team tell than thing things think those though through thx today
  told tomorrow try tried trying under until up upon use used using very via want wanted wants wasn't
  way week well went whatever while whole why within without won't work worked works wouldn't yes yet
  yesterday
  allem allen aller alles andere anderen anderer anderes anders außer ausser bald beim bereits besser
  betreff betrifft bisher bzw dabei dadurch dafür daher damit danach dank daran darauf darf darum dazu
  dein deine denn dessen deshalb diesem diesen dieses dort durch eben eigentlich eines einfach einige
  einmal er etwa etwas euch euer fall falls fast frau ganz gar geht gerade gern gerne gestern gewesen
  gibt gruß grüße grüßen grüssen hatte hätte herr heute hin hinter ihm ihn ihnen ihre immer ins jede
  jeder jedoch jetzt kollegen können könnte leider lg mal man manchmal mehr mein meine meinem meinen
  meiner mfg moin morgen müssen nachdem neu neue nichts nun ob ohne schon sein seine seit selbst soll
  sollte sondern sowie tag team unser unsere unter usw vg viel viele vielen vielleicht vom wann waren
  warum weil weiter weitere welche wenn wer werden wieder will wurde wurden zwar zwischen servus
  brauche brauchen benötige benötigen hilfe melden meldet problem probleme issue issues zusammen
  damen herren voraus advance vielen funktioniert
  ab möchte möchten kurz steht stehen ganze ganzen hoch zwei drei großen grossen groß gross tel
  `
    .trim()
    .split(/\s+/)
    .map(normalize),
);

/** Whether a folded word (as `normalize` gives it) may be shown as evidence. */
export function isEvidenceWord(folded: string, names?: ReadonlySet<string>): boolean {
  if (folded.length < 2 || /^\p{N}+$/u.test(folded) || folded.startsWith('⟨')) return false;
  if (ENGLISH_STOPWORDS.has(folded) || GERMAN_STOPWORDS.has(folded) || FILLER.has(folded)) return false;
  return names === undefined || !names.has(folded);
}

/** The evidence words of a phrase (a bigram's two words), joined, or null when none is evidence. */
export function evidencePhrase(surfaces: readonly string[], names?: ReadonlySet<string>): string | null {
  const kept = surfaces.filter((s) => isEvidenceWord(s, names));
  return kept.length === 0 ? null : kept.join(' ');
}

const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
/** A salutation at the start of a line ("Hi", "Sehr geehrte Frau"); the name follows it. */
const GREETING =
  /^\s*(?:hi|hello|hey|dear|hallo|liebe|lieber|moin|servus|(?:sehr\s+)?geehrte[r]?(?:\s+(?:herr|frau))?|guten\s+(?:morgen|tag|abend))[\s,]+/i;
/**
 * A sign-off at the start of a line; the writer's name may follow on the same line. It must end
 * a word: "Beste Grüße" is not the English "Best".
 */
const SIGN_OFF =
  /^\s*(?:(?:many\s+|best\s+|kind\s+|warm\s+)?(?:thanks|thank\s+you|cheers|regards|sincerely|best)(?:\s+in\s+advance)?|(?:mit\s+)?(?:viele|beste|freundliche|liebe|herzliche)n?\s+grü(?:ß|ss)en?|(?:vielen\s+)?dank(?:e)?(?:\s+schön)?(?:\s+im\s+voraus)?|vg|lg|mfg)(?![a-zäöüß])[\s,.!-]*/i;
// Case-sensitive on purpose: with the `i` flag \p{Lu} would match lower-case letters too.
const NAMES_AHEAD = new RegExp(String.raw`^(${NAME})(?:\s+(${NAME}))?`, 'u');
const ONLY_NAMES = new RegExp(String.raw`^((?:${NAME}[\s,.]*){0,3})$`, 'u');
const NAME_WORD = new RegExp(NAME, 'gu');
/** Who wrote a quoted mail: "On Mon, Ben Meyer wrote:", "Am 3.4. schrieb Ben Meyer:". */
const QUOTED_BY = new RegExp(
  String.raw`(?:,\s*((?:${NAME}\s+){0,2}${NAME})\s+wrote:|schrieb\s+((?:${NAME}\s+){0,2}${NAME})\s*:)\s*$`,
  'u',
);

/**
 * Words of a text that name a person: who is greeted ("Hi Olivia"), who signs ("Cheers, Mark"
 * or a short capitalised line after the sign-off) and who wrote a quoted mail. Folded, for
 * `isEvidenceWord`.
 * Looks only at line starts and a few words per line, so its cost is linear in the text.
 */
export function personNames(text: string): Set<string> {
  const names = new Set<string>();
  const addWords = (words: string | undefined): void => {
    for (const w of (words ?? '').matchAll(NAME_WORD)) names.add(normalize(w[0]));
  };
  let afterSignOff = false;
  for (const line of text.slice(0, 20_000).split('\n')) {
    if (line.trim() === '') continue;
    const quoted = QUOTED_BY.exec(line);
    if (quoted !== null) addWords(quoted[1] ?? quoted[2]);
    const greeting = GREETING.exec(line);
    if (greeting !== null) {
      const ahead = NAMES_AHEAD.exec(line.slice(greeting[0].length));
      addWords(ahead?.[1]);
      addWords(ahead?.[2]);
    }
    const signOff = SIGN_OFF.exec(line);
    const signed = signOff === null ? null : ONLY_NAMES.exec(line.slice(signOff[0].length).trimEnd());
    if (signed !== null) {
      addWords(signed[1]);
      afterSignOff = true;
      continue;
    }
    if (afterSignOff) addWords(ONLY_NAMES.exec(line.trim())?.[1]);
    afterSignOff = false;
  }
  return names;
}
