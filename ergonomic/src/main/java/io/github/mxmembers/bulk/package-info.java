/**
 * Many member updates at once, within MX's rate limits and surviving a crash: {@link
 * io.github.mxmembers.bulk.BulkUpdate} (built from an async client's builder) runs {@link
 * io.github.mxmembers.bulk.BulkItem}s and reports each {@link io.github.mxmembers.bulk.BulkOutcome} and
 * a {@link io.github.mxmembers.bulk.BulkSummary}; a journal, keyed by a {@link
 * io.github.mxmembers.bulk.JournalKey}, lets a rerun skip what was finished. The engine (the run, its
 * pacing, journal and tally) is here too, package-private.
 */
package io.github.mxmembers.bulk;
