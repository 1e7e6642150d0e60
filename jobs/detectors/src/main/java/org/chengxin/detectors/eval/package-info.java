/**
 * Evaluation against labelled accounts: ranking metrics and the held-out protocol that scores each
 * labelled account without the ratings it received.
 */
package org.chengxin.detectors.eval;
