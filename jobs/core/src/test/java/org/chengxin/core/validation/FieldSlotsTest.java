package org.chengxin.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSlotsTest {

  @Test
  void findsEveryFieldByEqualNameAndNothingElse() {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      fields.add("field_" + i);
    }
    // "Aa" and "BB" share a String hash: both must still be found.
    fields.add("Aa");
    fields.add("BB");
    FieldSlots slots = new FieldSlots(fields);
    for (int i = 0; i < fields.size(); i++) {
      assertEquals(i, slots.slotOf(new String(fields.get(i).toCharArray())), fields.get(i));
    }
    assertEquals(-1, slots.slotOf("field_40"));
    assertEquals(-1, slots.slotOf(""));
  }

  @Test
  void refusesAFieldListedTwice() {
    assertThrows(IllegalArgumentException.class, () -> new FieldSlots(List.of("kind", "trade_id", "kind")));
  }
}
