package org.caseclock.simulator.model;

/** What a case is for supervision purposes (QA1): the strongest open plan decides. */
public enum CaseType { CHILD_PROTECTION, LOOKED_AFTER_OR_CIN, OTHER }
