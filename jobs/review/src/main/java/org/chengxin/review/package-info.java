/**
 * The flagged-seller review queue: the nightly run hands {@link org.chengxin.review.CaseStore#sync}
 * the day's {@link org.chengxin.review.FlaggedSeller}s; reviewers take and decide cases, each
 * decision kept with who, when and why, and confirmed cases impose traceable penalties, which
 * {@link org.chengxin.review.PenaltyStore} tracks to their end (lifted, certificates accepted,
 * appeals) and {@link org.chengxin.review.PenaltyStatus} holds the rules of.
 * {@link org.chengxin.review.SyncRules} holds the sync's rules as plain logic.
 */
package org.chengxin.review;
