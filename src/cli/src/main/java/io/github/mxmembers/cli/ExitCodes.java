package io.github.mxmembers.cli;

import io.github.mxmembers.bulk.BulkJournalException;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.exception.MxTransportException;

/** What the command-line tool's exit status means. */
public final class ExitCodes {
  /** Done: the member was updated (or, with MX's 202, a job of that type was already running). */
  public static final int OK = 0;
  /** bulk-update: the journal cannot be used (not a whole journal, another input's or key's, or cannot be written). */
  public static final int JOURNAL = 1;
  /** Bad input: a wrong option, a missing credential, an update MX would reject. Nothing was sent. */
  public static final int BAD_INPUT = 2;
  /** MX answered with an error status. */
  public static final int API_ERROR = 3;
  /** No response: connection failed, dropped or timed out. */
  public static final int TRANSPORT_FAILURE = 4;
  /** MX answered with a body that could not be read. */
  public static final int UNREADABLE_RESPONSE = 5;

  /** update-member --wait: the member needs the end user (new credentials, a new MFA answer, the institution, OAuth). */
  public static final int NEEDS_END_USER = 7;
  /** update-member --wait: the aggregation ended otherwise (FAILED, CLOSED, a status MX added, ...). */
  public static final int ENDED = 8;
  /** update-member --wait: the wait's timeout passed while MX was still aggregating. */
  public static final int WAIT_TIMED_OUT = 9;
  /** update-member --wait: still CHALLENGED after the rounds of answers the tool gives (5). */
  public static final int STILL_CHALLENGED = 10;

  /** bulk-update: the run stopped on an unexpected failure; what finished is in the journal. */
  public static final int RUN_STOPPED = 6;

  private ExitCodes() {}

  /** The exit code for a bulk item that failed for this {@code BulkOutcome.reason()}. */
  static int ofReason(String reason) {
    switch (reason) {
      case "invalid":
        return BAD_INPUT;
      case "transport":
        return TRANSPORT_FAILURE;
      case "unreadable":
        return UNREADABLE_RESPONSE;
      default:
        return API_ERROR;
    }
  }

  /** A bulk run's failure: a journal's, bad input's, or anything else, which stopped the run. */
  static int ofBulk(Throwable failure) {
    if (failure instanceof BulkJournalException) {
      return JOURNAL;
    }
    if (failure instanceof IllegalArgumentException
        || failure instanceof IllegalStateException
        || failure instanceof NullPointerException) {
      return BAD_INPUT;
    }
    return failure instanceof Error || of(failure) == 1 ? RUN_STOPPED : of(failure);
  }

  static int of(Throwable failure) {
    if (failure instanceof MxApiException) {
      return API_ERROR;
    }
    if (failure instanceof MxTransportException) {
      return TRANSPORT_FAILURE;
    }
    if (failure instanceof MxResponseException) {
      return UNREADABLE_RESPONSE;
    }
    if (failure instanceof IllegalArgumentException
        || failure instanceof IllegalStateException
        || failure instanceof NullPointerException) {
      return BAD_INPUT;
    }
    return 1;
  }
}
