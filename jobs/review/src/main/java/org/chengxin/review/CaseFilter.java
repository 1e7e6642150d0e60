package org.chengxin.review;

import java.util.Optional;

/** Which cases a list shows: of a status, held by a reviewer, with a reason containing some words (each when given). */
public record CaseFilter(Optional<CaseStatus> status, Optional<String> reviewer, Optional<String> reasonContains) {}
