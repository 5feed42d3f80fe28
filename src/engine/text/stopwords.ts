/** Function words that carry no topic; kept short on purpose so domain words survive. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its
  me my no not of on or our please she so than that the their them then there these they this to too us was we were
  what when where which who will with would you your hi hello thanks thank regards dear kind best`.split(
    /\s+/,
  ),
);

export const GERMAN_STOPWORDS: ReadonlySet<string> = new Set(
  `aber alle als also am an auch auf aus bei bin bis bitte da dann das dass dem den der des die dies diese dieser doch
  du ein eine einem einen einer es für hab habe haben hat hier ich ihr im in ist ja kann kein keine mit mich mir muss
  nach nicht noch nur oder sehr sich sie sind so um und uns von vor war was wie wir wird wo zu zum zur über
  hallo danke gruss grüsse grüße freundlichen liebe lieber sehr geehrte geehrter`.split(/\s+/),
);
