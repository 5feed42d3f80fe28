import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { KnowledgeArticle, KnowledgeSection as KnowledgeData } from '@contracts/knowledge';
import { RESOLVERS } from '@contracts/resolvers';
import { useI18n } from '@shared/i18n';
import { HighlightedText } from './HighlightedText';
import type { PanelActions } from './panel-actions';
import { panelCardStyle } from '@shared/card-style';
import { isolatedList } from '@shared/bidi';

/** Articles from the desk's knowledge base that may answer this request, best first. */
export function KnowledgeSection({
  knowledge,
  issueKey,
  language,
  actions,
}: {
  knowledge: KnowledgeData;
  issueKey: string;
  /** The ticket's language: an article in another one says so. */
  language: 'de' | 'en' | 'other';
  actions: PanelActions;
}) {
  return (
    <Stack space="space.100">
      {knowledge.articles.map((article) => (
        <ArticleCard
          key={article.pageId}
          article={article}
          issueKey={issueKey}
          otherLanguage={
            language !== 'other' && article.language !== 'other' && article.language !== language
          }
          actions={actions}
        />
      ))}
    </Stack>
  );
}

function ArticleCard({
  article,
  issueKey,
  otherLanguage,
  actions,
}: {
  article: KnowledgeArticle;
  issueKey: string;
  otherLanguage: boolean;
  actions: PanelActions;
}) {
  const { t } = useI18n();
  const title = article.title;
  const busyAny = actions.busy !== null;
  const shareId = `article-share-${article.pageId}`;
  const rate = (helped: boolean) => {
    const actionId = `article-${helped ? 'helped' : 'not-helped'}-${article.pageId}`;
    const chosen = article.feedback === (helped ? 'helped' : 'not-helped');
    return (
      <Button
        key={actionId}
        spacing="compact"
        appearance={chosen ? 'primary' : 'subtle'}
        testId={actionId}
        isSelected={chosen}
        isLoading={actions.busy === actionId}
        isDisabled={busyAny}
        aria-pressed={chosen}
        aria-label={t(helped ? 'articleHelpedLabel' : 'articleNotHelpedLabel', { title })}
        onClick={() =>
          void actions.run(actionId, t('doneArticleRated', { title }), RESOLVERS.panelArticleFeedback, {
            issueKey,
            pageId: article.pageId,
            helped,
          })
        }
      >
        {t(helped ? 'articleHelped' : 'articleNotHelped')}
      </Button>
    );
  };
  const evidence = [
    article.solvedSimilar === 1
      ? t('articleSolvedSimilarOne')
      : article.solvedSimilar > 1
        ? t('articleSolvedSimilar', { count: article.solvedSimilar })
        : null,
    article.helped + article.notHelped > 0
      ? t('articleRatings', { helped: article.helped, notHelped: article.notHelped })
      : null,
    otherLanguage ? t('articleOtherLanguage') : null,
  ].filter((line): line is string => line !== null);
  return (
    <div data-testid={`article-${article.pageId}`} style={panelCardStyle}>
      <Stack space="space.075">
        <Inline space="space.075" alignBlock="center" shouldWrap>
          {article.url ? (
            <a
              href={article.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t('articleOpen', { title })}
              style={{ font: token('font.body'), fontWeight: 600, overflowWrap: 'anywhere' }}
            >
              <bdi>{title}</bdi>
            </a>
          ) : (
            <Text weight="semibold">
              <bdi>{title}</bdi>
            </Text>
          )}
          {article.shared ? <Lozenge appearance="success">{t('articleShared')}</Lozenge> : null}
        </Inline>
        {article.snippet !== '' ? (
          <p style={{ margin: 0, font: token('font.body.small'), overflowWrap: 'anywhere' }}>
            <HighlightedText text={article.snippet} spans={article.snippetSpans} />
          </p>
        ) : null}
        {article.sharedTerms.length > 0 ? (
          <Text size="small" color="color.text.subtlest">
            {t('sharedTerms', { list: isolatedList(article.sharedTerms) })}
          </Text>
        ) : null}
        {evidence.length > 0 ? (
          <Text size="small" color="color.text.subtle">
            {evidence.join(' · ')}
          </Text>
        ) : null}
        <Inline space="space.075" shouldWrap>
          {article.shared ? null : (
            <Button
              spacing="compact"
              testId={shareId}
              isLoading={actions.busy === shareId}
              isDisabled={busyAny}
              aria-label={t('articleShareLabel', { title })}
              onClick={() =>
                void actions.run(shareId, t('doneArticleShared', { title }), RESOLVERS.panelShareArticle, {
                  issueKey,
                  pageId: article.pageId,
                  title,
                })
              }
            >
              {t('articleShare')}
            </Button>
          )}
          {rate(true)}
          {rate(false)}
        </Inline>
      </Stack>
    </div>
  );
}
