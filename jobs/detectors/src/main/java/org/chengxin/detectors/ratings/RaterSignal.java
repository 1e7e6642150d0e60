package org.chengxin.detectors.ratings;

import org.chengxin.core.event.WireEnum;

/** One detector's view of an account, each a value in [0, 1] where higher is more suspicious. */
public enum RaterSignal implements WireEnum {
  /** 1 - fairness from {@link RaterReliability}. */
  UNFAIRNESS,
  /** Short rating tenure, from {@link RaterHistory#thinHistory(double)}. */
  THIN_HISTORY,
  /** Negative share above the market's, from {@link NegativeShare}. */
  NEGATIVE_SHARE,
  /** Score and timing histograms unlike the market's, from {@link RatingSkew}. */
  RATING_SKEW,
  /** Highest extortion, extortion_repeat or paid_off_extortion flag score among the account's given ratings. */
  EXTORTION,
  /** Highest {@link RatingPattern#COMPETITOR_ATTACK} flag score among the account's given ratings. */
  COMPETITOR_ATTACK
}
