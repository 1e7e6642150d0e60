package org.chengxin.core.event;

/** What a complaint (dispute, rights-protection claim) is about. */
public enum ComplaintType implements WireEnum {
  COUNTERFEIT,
  NOT_AS_DESCRIBED,
  NOT_RECEIVED,
  SERVICE,
  OTHER
}
