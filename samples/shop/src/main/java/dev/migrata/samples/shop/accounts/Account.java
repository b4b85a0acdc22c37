package dev.migrata.samples.shop.accounts;

import dev.migrata.annotations.Check;
import dev.migrata.annotations.Deferrable;
import dev.migrata.annotations.Field;
import dev.migrata.annotations.Index;
import dev.migrata.annotations.IndexType;
import dev.migrata.annotations.Model;
import dev.migrata.annotations.Unique;
import java.util.Map;

/** A shop account, found by its e-mail address whatever its case. */
@Model
@Index(name = "account_email_lower", expressions = "Lower(email)")
@Index(name = "account_name_like", fields = "name", opclasses = "varchar_pattern_ops")
@Index(name = "account_name_cover", fields = "name", include = "email")
@Index(fields = "settings", type = IndexType.GIN)
@Unique(
    name = "account_email_ci",
    expressions = "Lower(email)",
    violationErrorMessage = "An account with this e-mail exists.",
    violationErrorCode = "email_taken")
@Unique(name = "account_handle_uniq", fields = "handle", nullsDistinct = false)
@Unique(name = "account_number_deferred", fields = "number", deferrable = Deferrable.DEFERRED)
@Check(
    name = "account_name_set",
    condition = "name <> ''",
    violationErrorMessage = "An account needs a name.")
public class Account {
  @Field(maxLength = 254)
  String email;

  @Field(maxLength = 100)
  String name;

  @Field(maxLength = 30, nullable = true)
  String handle;

  @Field(maxLength = 12)
  String number;

  @Field(nullable = true)
  Map<String, Object> settings;
}
