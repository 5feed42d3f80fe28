import { evidenceJudge, judgeLanguage, personNameWords } from '../../../../src/local/cli/eval/panel-judge';
import { JUDGE_STOPWORDS_DE, JUDGE_STOPWORDS_EN } from '../../../../src/local/cli/eval/panel-judge-words';
import { isEvidenceWord, normalize } from '../../../../src/engine/text';

describe("eval panel's evidence judge", () => {
  const judge = evidenceJudge(personNameWords(['Olivia Brown', 'Chloé Wolf', '712020:44e09159-a950']));

  it('flags stop words of the ticket language, greetings, sign-offs and names; keeps topic words', () => {
    for (const noise of ['my', 'I', 'but they', 'cheers', 'Olivia', 'chloé'])
      expect(judge.isNoise(noise, 'en')).toBe(true);
    for (const noise of ['anderen', 'Betrifft', 'möchte', 'Grüße'])
      expect(judge.isNoise(noise, 'de')).toBe(true);
    for (const topic of ['password', 'VPN', 'Drucker', 'reset password', 'my password'])
      expect(judge.isNoise(topic, 'en')).toBe(false);
  });

  it('judges by its own reading of the language; an unclear text gets both lists', () => {
    expect(judgeLanguage('I cannot log in to the VPN and it is not working')).toBe('en');
    expect(judgeLanguage('Der Drucker im zweiten Stock druckt nicht mehr')).toBe('de');
    expect(judgeLanguage('VPN')).toBe('both');
    expect(judge.isNoise('nicht', 'both')).toBe(true);
    expect(judge.isNoise('nicht', 'en')).toBe(false);
  });

  it('is independent of the panel filter: its lists hold words the panel lets through', () => {
    // If the judge only repeated the panel's own filter, the panel's gate could never fail.
    const passed = [...JUDGE_STOPWORDS_EN, ...JUDGE_STOPWORDS_DE].filter((w) => isEvidenceWord(normalize(w)));
    expect(passed.length).toBeGreaterThan(0);
    for (const w of passed.slice(0, 20)) expect(judge.isNoise(w, 'both')).toBe(true);
  });
});
