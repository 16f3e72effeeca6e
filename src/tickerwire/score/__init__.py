"""Score: sentiment towards each entity and the article (relevance is set by the linker).

`score_article` is the pipeline's entry point; `ArticleSentimentScorer` the same with the
sentences' detail; `SentenceScorer` scores one sentence. The word lists are in `score/data`.
"""

from tickerwire.score.entity_sentiment import (
    ArticleSentiment,
    ArticleSentimentScorer,
    score_article,
    with_entity_sentiment,
)
from tickerwire.score.sentiment import NEUTRAL_BAND, SentenceScorer, SentenceSentiment, label_for

__all__ = [
    "NEUTRAL_BAND",
    "ArticleSentiment",
    "ArticleSentimentScorer",
    "SentenceScorer",
    "SentenceSentiment",
    "label_for",
    "score_article",
    "with_entity_sentiment",
]
