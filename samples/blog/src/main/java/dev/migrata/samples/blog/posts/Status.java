package dev.migrata.samples.blog.posts;

import dev.migrata.annotations.ChoiceValue;

/** A post's workflow state, as a Django {@code TextChoices} whose values are not identifiers. */
public enum Status {
  @ChoiceValue(value = "draft", label = "Draft")
  DRAFT,
  @ChoiceValue(value = "in-review", label = "Awaiting review")
  IN_REVIEW,
  @ChoiceValue(value = "published", label = "Published")
  PUBLISHED
}
