/**
 * The dissatisfaction job (docs/dissatisfaction.md): upheld complaints per completed trade for the
 * platform, each category and each seller over trailing windows of trade time, with exact and Jeffreys
 * intervals, the target test, empirical-Bayes seller estimates, attribution to flagged sellers and the
 * trend of the platform and category rates. The statistics are the plain-Java ones of
 * {@code org.chengxin.stats}, applied per row on the executors.
 */
package org.chengxin.jobs.dissatisfaction;
