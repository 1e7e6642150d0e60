package org.chengxin.stats;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One fitted prior per seller category, so each seller is shrunk toward its own category; categories
 * with too little data to fit use the platform prior (fitted on all ordinary sellers). Flagged
 * sellers are other populations: each kind of flag (counterfeit suspects, often at rates a thousand
 * times the ordinary sellers'; credit boosters, whose fake trades draw no complaints) gets a prior of
 * its own, fitted the same way on the sellers of that kind in every category, so each is shrunk
 * toward its own kind rather than toward the honest rate (which would hide a counterfeiter), toward
 * a mixture of kinds (one beta fitted to both is U-shaped and shrinks nobody), or not at all (which
 * lets small counts speak alone). A kind's fit has a hyperprior ({@link PartialPooling}): a handful
 * of flagged sellers cannot fit a spread of their own, so it holds their spread near a reference and
 * their mean near their pooled rate until there are enough of them to stand alone.
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
   * @param pooling the hyperprior of each flagged kind's prior
   */
  public record Settings(long minSellers, long minUpheld, PartialPooling pooling) implements Serializable {
    /** Defaults: 200 sellers and 20 upheld complaints, {@link PartialPooling#DEFAULT}. */
    public static final Settings DEFAULT = new Settings(200, 20, PartialPooling.DEFAULT);

    public Settings {
      if (minSellers < 1 || minUpheld < 0) {
        throw new IllegalArgumentException("need minSellers >= 1 and minUpheld >= 0");
      }
      Objects.requireNonNull(pooling, "pooling");
    }
  }

  private final PriorFit platform;
  private final Map<String, PriorFit> byCategory;
  /** Per kind of flag, only kinds whose sellers had an upheld complaint (nothing to fit otherwise). */
  private final Map<String, PriorFit> flaggedByKind;

  private CategoryPriors(PriorFit platform, Map<String, PriorFit> byCategory, Map<String, PriorFit> flaggedByKind) {
    this.platform = platform;
    this.byCategory = byCategory;
    this.flaggedByKind = flaggedByKind;
  }

  /** {@link #fit(Map, Map, Settings)} without flagged sellers. */
  public static CategoryPriors fit(Map<String, CountHistogram> histograms, Settings settings) {
    return fit(histograms, Map.of(), settings);
  }

  /**
   * Fits the platform prior on the merge of the ordinary sellers' histograms, a prior per category
   * that qualifies, and a prior per kind of flag whose sellers hold an upheld complaint, under
   * {@link Settings#pooling()} (with no complaint nothing sets the kind apart and it shrinks toward the platform
   * prior itself).
   *
   * @param histograms ordinary (unflagged) sellers per category; at least one with trades
   * @param flaggedByKind flagged sellers of all categories per kind of flag, possibly empty
   */
  public static CategoryPriors fit(
      Map<String, CountHistogram> histograms, Map<String, CountHistogram> flaggedByKind, Settings settings) {
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
    Map<String, PriorFit> flagged = new LinkedHashMap<>();
    new TreeMap<>(flaggedByKind).forEach((kind, histogram) -> {
      if (histogram.upheld() > 0) {
        flagged.put(kind, settings.pooling().fit(histogram, platform.prior()));
      }
    });
    return new CategoryPriors(platform, byCategory, flagged);
  }

  /** The category's own prior, or the platform prior when it had too little data (or is unknown). */
  public BetaPrior priorFor(String category) {
    PriorFit fit = byCategory.get(category);
    return (fit == null ? platform : fit).prior();
  }

  /**
   * The fitted prior of the sellers flagged as {@code kind}; the platform prior when none of them had
   * an upheld complaint: nothing then says their rate differs from the ordinary sellers', and
   * Jeffreys' prior (half a complaint each) would put a clean ring seller with 500 trades at 1e-3, a
   * hundred times the ordinary rate.
   */
  public BetaPrior priorForFlagged(String kind) {
    PriorFit fit = flaggedByKind.get(kind);
    return (fit == null ? platform : fit).prior();
  }

  /** The fits of the kinds of flag that had one, by kind. */
  public Map<String, PriorFit> flagged() {
    return Collections.unmodifiableMap(flaggedByKind);
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
