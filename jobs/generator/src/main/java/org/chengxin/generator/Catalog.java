package org.chengxin.generator;

import java.util.List;

/**
 * The marketplace's categories: share of sellers, log-normal unit price (CNY fen), how complaint-prone
 * the category is, and the luxury brands sold in it. Brand names are fictional.
 */
final class Catalog {

  /** A luxury brand and the usual price of its items; counterfeits sell far below it. */
  record Brand(String slug, long usualPriceFen) {}

  /**
   * @param medianPriceFen median unit price
   * @param priceSigma log-normal sigma of unit price
   * @param sellerShare relative share of sellers in this category
   * @param complaintFactor multiplier on the honest upheld-complaint rate
   */
  record Category(
      String slug,
      long medianPriceFen,
      double priceSigma,
      double sellerShare,
      double complaintFactor,
      List<Brand> brands) {}

  static final List<Category> CATEGORIES =
      List.of(
          new Category("womens_apparel", 12_900, 0.7, 0.20, 1.2, List.of()),
          new Category("mens_apparel", 15_900, 0.7, 0.12, 1.1, List.of()),
          new Category("electronics", 89_900, 1.0, 0.10, 1.6, List.of()),
          new Category(
              "beauty",
              15_900,
              0.8,
              0.10,
              1.0,
              List.of(new Brand("lumiere_de_seine", 98_000), new Brand("kaori_atelier", 65_000))),
          new Category(
              "bags_accessories",
              29_900,
              0.9,
              0.07,
              1.0,
              List.of(new Brand("maison_orlane", 1_890_000), new Brand("castellane", 2_450_000))),
          new Category(
              "watches_jewelry",
              49_900,
              1.1,
              0.05,
              1.3,
              List.of(new Brand("helvetor", 5_600_000), new Brand("aurelia_fine", 2_800_000))),
          new Category("home_kitchen", 6_900, 0.8, 0.14, 0.8, List.of()),
          new Category("food_grocery", 4_900, 0.6, 0.10, 0.7, List.of()),
          new Category("mother_baby", 9_900, 0.7, 0.07, 1.0, List.of()),
          new Category("sports_outdoors", 19_900, 0.8, 0.05, 0.9, List.of()));

  private Catalog() {}

  static double[] sellerShares() {
    double[] shares = new double[CATEGORIES.size()];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = CATEGORIES.get(i).sellerShare();
    }
    return shares;
  }
}
