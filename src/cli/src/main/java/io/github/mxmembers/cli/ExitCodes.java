package io.github.mxmembers.cli;

import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.exception.MxTransportException;

/** What the command-line tool's exit status means. */
public final class ExitCodes {
  /** Done: the member was updated (or, with MX's 202, a job of that type was already running). */
  public static final int OK = 0;
  /** Bad input: a wrong option, a missing credential, an update MX would reject. Nothing was sent. */
  public static final int BAD_INPUT = 2;
  /** MX answered with an error status. */
  public static final int API_ERROR = 3;
  /** No response: connection failed, dropped or timed out. */
  public static final int TRANSPORT_FAILURE = 4;
  /** MX answered with a body that could not be read. */
  public static final int UNREADABLE_RESPONSE = 5;

  private ExitCodes() {}

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
