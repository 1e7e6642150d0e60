/** {@code scripts/queue}: the reviewers' command line over {@link org.chengxin.review.CaseStore}. */
package org.chengxin.review.cli;
