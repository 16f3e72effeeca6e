"""Score: sentiment towards each entity and the article (relevance is set by the linker)."""
