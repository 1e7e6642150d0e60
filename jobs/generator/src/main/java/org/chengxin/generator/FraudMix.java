package org.chengxin.generator;

/**
 * What fraud the generator plants and how much. "Trades per X" parameters set how many campaigns a
 * run gets (at least one when the rate is non-zero; 0 switches that kind off).
 *
 * @param tradesPerRing one credit-boosting ring per this many trades
 * @param ringSellers sellers boosted by one ring
 * @param ringBuyers colluding buyer accounts of one ring
 * @param ringTradesPerBuyer ring trades each colluding buyer makes
 * @param camouflageShare share of rings whose buyers also buy from popular honest sellers
 * @param hijackedShare share of rings that run partly through hijacked old honest accounts
 * @param tradesPerAttack one coordinated competitor attack per this many trades
 * @param attackers accounts taking part in one attack
 * @param tradesPerExtortioner one extortion buyer per this many trades
 * @param extortionTrades trades one extortion buyer makes across different sellers
 * @param tradesPerCounterfeitSeller one counterfeit luxury seller per this many trades
 * @param honestUpheldRate mean upheld complaints per completed trade of honest sellers
 * @param counterfeitUpheldRate mean upheld complaints per completed trade of counterfeit sellers
 */
record FraudMix(
    long tradesPerRing,
    IntRange ringSellers,
    IntRange ringBuyers,
    IntRange ringTradesPerBuyer,
    double camouflageShare,
    double hijackedShare,
    long tradesPerAttack,
    IntRange attackers,
    long tradesPerExtortioner,
    IntRange extortionTrades,
    long tradesPerCounterfeitSeller,
    double honestUpheldRate,
    double counterfeitUpheldRate) {

  /** Campaigns of one kind for {@code trades} trades: at least one unless switched off. */
  static int campaigns(long trades, long tradesPerCampaign) {
    return tradesPerCampaign == 0 ? 0 : (int) Math.max(1, Math.round((double) trades / tradesPerCampaign));
  }
}
