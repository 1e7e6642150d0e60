package org.chengxin.stats;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One fitted prior per seller category, so each seller is shrunk toward its own category; categories
 * with too little data to fit use the platform prior (fitted on all ordinary sellers). Flagged
 * sellers (rings, counterfeits, boosted) are another population, often at rates a thousand times the
 * ordinary ones: they get a prior of their own, fitted the same way on the flagged sellers of every
 * category, so each is shrunk toward the flagged sellers rather than toward the honest rate (which
 * would hide them) or not at all (which lets their small counts speak alone).
 *
 * <p>Build it on the driver from per-category histograms, then broadcast it: {@link #priorFor} is a map
 * lookup.
 */
public final class CategoryPriors implements Serializable {
  /**
   * When a category gets its own prior.
   *
   * @param minSellers fewer sellers than this: use the platform prior
   * @param minUpheld fewer upheld complaints than this: use the platform prior (the spread between
   *     sellers cannot be estimated from a handful of complaints)
   */
  public record Settings(long minSellers, long minUpheld) implements Serializable {
    /** Defaults: 200 sellers and 20 upheld complaints. */
    public static final Settings DEFAULT = new Settings(200, 20);

    public Settings {
      if (minSellers < 1 || minUpheld < 0) {
        throw new IllegalArgumentException("need minSellers >= 1 and minUpheld >= 0");
      }
    }
  }

  private final PriorFit platform;
  private final Map<String, PriorFit> byCategory;
  /** Null when no flagged seller had an upheld complaint (nothing to fit). */
  private final PriorFit flagged;

  private CategoryPriors(PriorFit platform, Map<String, PriorFit> byCategory, PriorFit flagged) {
    this.platform = platform;
    this.byCategory = byCategory;
    this.flagged = flagged;
  }

  /** {@link #fit(Map, CountHistogram, Settings)} without flagged sellers. */
  public static CategoryPriors fit(Map<String, CountHistogram> histograms, Settings settings) {
    return fit(histograms, new CountHistogram(), settings);
  }

  /**
   * Fits the platform prior on the merge of the ordinary sellers' histograms, a prior per category
   * that qualifies, and the flagged sellers' prior on {@code flaggedSellers} when it holds an upheld
   * complaint (with none the maximum-likelihood rate is 0, which would clear every flagged seller).
   *
   * @param histograms ordinary (unflagged) sellers per category; at least one with trades
   * @param flaggedSellers flagged sellers of all categories, possibly empty
   */
  public static CategoryPriors fit(
      Map<String, CountHistogram> histograms, CountHistogram flaggedSellers, Settings settings) {
    // Sorted so the result and the log do not depend on the caller's map order.
    Map<String, CountHistogram> sorted = new TreeMap<>(histograms);
    CountHistogram all = new CountHistogram();
    sorted.values().forEach(all::merge);
    PriorFit platform = BetaBinomialFit.fit(all);
    Map<String, PriorFit> byCategory = new LinkedHashMap<>();
    sorted.forEach(
        (category, histogram) -> {
          if (histogram.sellers() >= settings.minSellers() && histogram.upheld() >= settings.minUpheld()) {
            byCategory.put(category, BetaBinomialFit.fit(histogram));
          }
        });
    PriorFit flagged = flaggedSellers.upheld() > 0 ? BetaBinomialFit.fit(flaggedSellers) : null;
    return new CategoryPriors(platform, byCategory, flagged);
  }

  /** The category's own prior, or the platform prior when it had too little data (or is unknown). */
  public BetaPrior priorFor(String category) {
    PriorFit fit = byCategory.get(category);
    return (fit == null ? platform : fit).prior();
  }

  /**
   * The flagged sellers' fitted prior; Jeffreys' (nearly the raw rate) when no flagged seller had an
   * upheld complaint.
   */
  public BetaPrior priorForFlagged() {
    return flagged == null ? BetaPrior.JEFFREYS : flagged.prior();
  }

  /** The flagged sellers' fit, if there was one. */
  public Optional<PriorFit> flagged() {
    return Optional.ofNullable(flagged);
  }

  /** Whether {@code category} has its own prior. */
  public boolean hasOwnPrior(String category) {
    return byCategory.containsKey(category);
  }

  public PriorFit platform() {
    return platform;
  }

  /** Fits of the categories that have their own prior. */
  public Map<String, PriorFit> categories() {
    return Collections.unmodifiableMap(byCategory);
  }
}
