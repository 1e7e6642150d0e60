/**
 * The Flink ingest job: reads raw JSON Lines, validates and pseudonymises them
 * ({@link org.chengxin.core.validation.EventValidator}), routes late events, deduplicates, flags
 * ratings and complaints of unknown trades, and writes the Parquet event tables, dead letters and
 * late events. {@link org.chengxin.ingest.IngestJob} wires it; docs/ingest.md explains it.
 */
package org.chengxin.ingest;
