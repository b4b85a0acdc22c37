package dev.migrata.internal.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Same rows, same plan: what {@link HistoryRows#sameRows} counts as a difference. */
class HistoryRowsTest {
  private static HistoryRows rows(String... appNameChecksum) {
    HistoryRows rows = new HistoryRows();
    for (int i = 0; i < appNameChecksum.length; i += 3) {
      rows.add(appNameChecksum[i], appNameChecksum[i + 1], appNameChecksum[i + 2]);
    }
    return rows;
  }

  @Test
  void theSameRowsInTheSameOrderAreTheSame() {
    assertThat(
            rows("a", "0001", "x", "a", "0002", null)
                .sameRows(rows("a", "0001", "x", "a", "0002", null)))
        .isTrue();
    assertThat(new HistoryRows().sameRows(new HistoryRows())).isTrue();
  }

  @Test
  void aRowMoreOrLessAnotherNameOrChecksumOrOrderIsADifference() {
    HistoryRows first = rows("a", "0001", "x", "a", "0002", "y");

    assertThat(first.sameRows(rows("a", "0001", "x"))).as("a row less").isFalse();
    assertThat(first.sameRows(rows("a", "0001", "x", "a", "0002", "y", "b", "0001", "z")))
        .as("a row more")
        .isFalse();
    assertThat(first.sameRows(rows("a", "0001", "x", "b", "0002", "y"))).as("app").isFalse();
    assertThat(first.sameRows(rows("a", "0001", "x", "a", "0003", "y"))).as("name").isFalse();
    assertThat(first.sameRows(rows("a", "0001", "x", "a", "0002", null))).as("checksum").isFalse();
    assertThat(first.sameRows(rows("a", "0002", "y", "a", "0001", "x"))).as("order").isFalse();
  }
}
