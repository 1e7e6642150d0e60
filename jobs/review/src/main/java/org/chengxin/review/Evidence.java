package org.chengxin.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pointers to what a flag rests on, by kind: the rings the seller is in, the ratings flagged as
 * malicious, the complaints against it, and its certificate gaps (luxury brands it sells without a
 * verified certificate). Ids only: the rows themselves stay in the warehouse.
 */
public record Evidence(
    @JsonProperty("ring_ids") List<String> ringIds,
    @JsonProperty("flagged_rating_ids") List<String> flaggedRatingIds,
    @JsonProperty("complaint_ids") List<String> complaintIds,
    @JsonProperty("certificate_gaps") List<String> certificateGaps) {

  public static final Evidence NONE = new Evidence(List.of(), List.of(), List.of(), List.of());

  public Evidence {
    ringIds = copy("ring_ids", ringIds);
    flaggedRatingIds = copy("flagged_rating_ids", flaggedRatingIds);
    complaintIds = copy("complaint_ids", complaintIds);
    certificateGaps = copy("certificate_gaps", certificateGaps);
  }

  /**
   * Every pointer, prefixed with its kind ({@code ring:R1}), so ids of different kinds never
   * collide when evidence is compared.
   */
  public Set<String> pointers() {
    Set<String> all = new TreeSet<>();
    ringIds.forEach(id -> all.add("ring:" + id));
    flaggedRatingIds.forEach(id -> all.add("rating:" + id));
    complaintIds.forEach(id -> all.add("complaint:" + id));
    certificateGaps.forEach(id -> all.add("certificate_gap:" + id));
    return all;
  }

  /** Union of two evidence sets (used to remember everything reviewers have already seen). */
  public Evidence plus(Evidence other) {
    return new Evidence(union(ringIds, other.ringIds), union(flaggedRatingIds, other.flaggedRatingIds),
        union(complaintIds, other.complaintIds), union(certificateGaps, other.certificateGaps));
  }

  /**
   * A fingerprint of the pointers alone (SHA-256 over the sorted pointers, 32 hex characters), for
   * producers whose evidence is fully described by its ids.
   */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String pointer : pointers()) {
        sha.update(pointer.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static List<String> copy(String field, List<String> ids) {
    if (ids == null) {
      return List.of();
    }
    for (String id : ids) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(field + " holds a blank id");
      }
    }
    return List.copyOf(new TreeSet<>(ids));
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
