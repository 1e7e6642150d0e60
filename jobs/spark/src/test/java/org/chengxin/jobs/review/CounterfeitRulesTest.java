package org.chengxin.jobs.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterfeitRulesTest {
  private static final double MEDIAN = 2_450_000;
  private static final double MAD = 120_000;

  @Test
  void aPriceFarBelowTheBrandsUsualPriceIsUnderpriced() {
    assertTrue(CounterfeitRules.underpriced(200_000, MEDIAN, MAD), "8% of the usual price");
    // 4 x max(1.4826 x 120,000, 10% of the median) = 980,000 below the median.
    assertTrue(CounterfeitRules.underpriced(1_400_000, MEDIAN, MAD));
    assertFalse(CounterfeitRules.underpriced(1_500_000, MEDIAN, MAD));
    assertFalse(CounterfeitRules.underpriced(2_300_000, MEDIAN, MAD), "an ordinary discount");
  }

  @Test
  void withWidelySpreadPricesBelowFortyPercentOfTheMedianStillCounts() {
    double wideMad = 600_000;
    assertTrue(CounterfeitRules.underpriced(900_000, MEDIAN, wideMad));
    assertFalse(CounterfeitRules.underpriced(1_000_000, MEDIAN, wideMad));
  }

  @Test
  void aBrandSoldAtOnePriceDoesNotFlagEveryDiscount() {
    assertFalse(CounterfeitRules.underpriced(2_200_000, MEDIAN, 0));
    assertTrue(CounterfeitRules.underpriced(1_400_000, MEDIAN, 0));
  }

  @Test
  void uncertifiedSalesNeedUnderpricingOrAnUpheldComplaint() {
    assertTrue(CounterfeitRules.suspected(10, 10, 8, 0), "uncertified and cheap");
    assertTrue(CounterfeitRules.suspected(10, 6, 0, 1), "uncertified with an upheld counterfeit complaint");
    assertFalse(CounterfeitRules.suspected(10, 10, 0, 0), "uncertified at the usual price: a signal, not a suspect");
    assertFalse(CounterfeitRules.suspected(10, 2, 9, 0), "cheap but certified: a sale, not a fake");
    assertFalse(CounterfeitRules.suspected(2, 2, 2, 0), "too few luxury sales to judge");
  }

  @Test
  void repeatedUpheldCounterfeitComplaintsAreEnoughOnTheirOwn() {
    assertTrue(CounterfeitRules.suspected(0, 0, 0, 2));
    assertFalse(CounterfeitRules.suspected(0, 0, 0, 1));
  }
}
