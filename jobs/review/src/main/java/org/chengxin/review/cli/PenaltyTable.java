package org.chengxin.review.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chengxin.core.event.WireEnum;
import org.chengxin.review.PenaltyStatus;

/** Penalties as they stand, as an aligned text table; "-" where a penalty has no end, certificates or appeal. */
final class PenaltyTable {
  private static final List<String> HEADER =
      List.of("penalty", "seller", "case", "action", "starts_on", "ends_on", "end_reason", "certificates", "appeal");

  private PenaltyTable() {}

  static String render(List<PenaltyStatus> penalties) {
    List<List<String>> rows = new ArrayList<>();
    for (PenaltyStatus p : penalties) {
      rows.add(List.of(Long.toString(p.penaltyId()), p.sellerId(), Long.toString(p.caseId()), p.action().wire(),
          p.startsOn().toString(), Objects.toString(p.endsOn(), "-"), word(p.endReason()), word(p.certificates()),
          word(p.appeal())));
    }
    return TextTable.render(HEADER, rows);
  }

  private static String word(WireEnum value) {
    return value == null ? "-" : value.wire();
  }
}
