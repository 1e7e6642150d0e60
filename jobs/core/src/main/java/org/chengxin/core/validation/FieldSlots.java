package org.chengxin.core.validation;

import java.util.List;

/**
 * Field name to slot, for the validator's hot loop: an open-addressing table that compares by
 * identity first. Jackson hands out canonical (interned) field names and the rules pass the
 * {@code EventFields} constants, so a look-up is usually one cached hash and one reference
 * comparison, with no boxing. Immutable.
 */
final class FieldSlots {
  private final String[] names;
  private final int[] slots;
  private final int mask;

  /** Slot i is the name at index i. */
  FieldSlots(List<String> fields) {
    int size = Integer.highestOneBit(Math.max(4, fields.size() * 4) - 1) << 1;
    names = new String[size];
    slots = new int[size];
    mask = size - 1;
    for (int slot = 0; slot < fields.size(); slot++) {
      String name = fields.get(slot);
      if (slotOf(name) >= 0) {
        throw new IllegalArgumentException("field " + name + " listed twice");
      }
      int i = name.hashCode() & mask;
      while (names[i] != null) {
        i = (i + 1) & mask;
      }
      names[i] = name;
      slots[i] = slot;
    }
  }

  /** The slot of a field name, or -1 if the name is not a field. */
  int slotOf(String name) {
    for (int i = name.hashCode() & mask; names[i] != null; i = (i + 1) & mask) {
      if (names[i] == name || names[i].equals(name)) {
        return slots[i];
      }
    }
    return -1;
  }
}
