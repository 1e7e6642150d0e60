package org.chengxin.graph.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chengxin.graph.components.SharedKeyLinkage.AccountKey;
import org.junit.jupiter.api.Test;

/** Shared-key linkage without Spark. */
class SharedKeyLinkageTest {

  @Test
  void aKeyOverTheCapLinksNobodyAndAKeyOfOneAccountNeither() {
    // 25 accounts behind one carrier NAT address (25 accounts of the market on it, over the cap of
    // 20); acct3 and acct4 share a device; every account has a device of its own.
    Map<String, List<AccountKey>> keys = new HashMap<>();
    for (int i = 0; i < 25; i++) {
      List<AccountKey> held = new ArrayList<>(List.of(new AccountKey("ip:nat", 25), new AccountKey("device:own" + i, 1)));
      keys.put("acct" + i, held);
    }
    keys.get("acct3").add(new AccountKey("device:own4", 2));
    keys.get("acct4").set(1, new AccountKey("device:own4", 2));

    Map<String, Integer> capped = new SharedKeyLinkage(20).groups(keys);
    assertEquals(2, capped.size(), "only the device pair links: " + capped);
    assertEquals(capped.get("acct3"), capped.get("acct4"));

    Map<String, Integer> uncapped = new SharedKeyLinkage(30).groups(keys);
    assertEquals(25, uncapped.size());
    assertEquals(1, uncapped.values().stream().distinct().count());
    assertFalse(uncapped.containsKey("ip:nat"), "keys are not accounts");
  }

  @Test
  void chainsOfKeysFormOneGroupAndSeparateChainsTwo() {
    // a-b share a device, b-c an IP: one group through b; d-e share an address: another.
    Map<String, List<AccountKey>> keys = Map.of(
        "a", List.of(new AccountKey("device:1", 2)),
        "b", List.of(new AccountKey("device:1", 2), new AccountKey("ip:9", 2)),
        "c", List.of(new AccountKey("ip:9", 2)),
        "d", List.of(new AccountKey("address:x", 3)),
        "e", List.of(new AccountKey("address:x", 3)),
        "f", List.of());
    Map<String, Integer> groups = new SharedKeyLinkage(20).groups(keys);
    assertEquals(groups.get("a"), groups.get("c"));
    assertEquals(groups.get("d"), groups.get("e"));
    assertNotEquals(groups.get("a"), groups.get("d"));
    assertFalse(groups.containsKey("f"));
  }

  @Test
  void noKeysNoGroups() {
    assertEquals(Map.of(), new SharedKeyLinkage(20).groups(Map.of()));
  }
}
