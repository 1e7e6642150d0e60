package org.chengxin.core.event;

/** State of a seller's proof of authenticity for one luxury brand. */
public enum CertificateStatus implements WireEnum {
  VERIFIED,
  REJECTED,
  MISSING
}
