package org.chengxin.review;

/** A named account: the name cases and decisions record as reviewer, its role, and whether it is locked. */
public record Account(String name, Role role, int failedLogins, boolean locked) {}
