package dev.migrata.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrata.internal.operations.DeleteModel;
import dev.migrata.internal.operations.RemoveField;
import dev.migrata.internal.operations.RemoveIndexConcurrently;
import dev.migrata.internal.operations.RenameField;
import dev.migrata.internal.operations.RunJava;
import dev.migrata.internal.operations.RunSql;
import dev.migrata.internal.operations.SeparateDatabaseAndState;
import dev.migrata.internal.operations.ValidateConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Django's category symbols before the operations {@code -Amigrata.check=true} lists. */
class OperationSymbolTest {
  @Test
  void removalsAlterationsCodeAndSqlEachHaveDjangosSymbol() {
    assertThat(OperationSymbol.line(new RemoveField("book", "isbn")))
        .isEqualTo("- Remove field isbn from book");
    assertThat(OperationSymbol.line(new DeleteModel("Book"))).isEqualTo("- Delete model Book");
    assertThat(OperationSymbol.line(new RemoveIndexConcurrently("book", "book_title_idx")))
        .startsWith("- Concurrently remove index");
    assertThat(OperationSymbol.line(new RenameField("book", "title", "headline")))
        .isEqualTo("~ Rename field title on book to headline");
    assertThat(OperationSymbol.line(new ValidateConstraint("book", "rating_range")))
        .isEqualTo("~ Validate constraint rating_range on model book");
    assertThat(OperationSymbol.line(new RunSql(List.of("SELECT 1"), null, false)))
        .isEqualTo("s Raw SQL operation");
    assertThat(OperationSymbol.line(new RunJava("fill", null, null, false)))
        .isEqualTo("p Raw Java operation");
    assertThat(OperationSymbol.of(new SeparateDatabaseAndState(List.of(), List.of())))
        .isEqualTo('?');
  }
}
