package io.github.mxmembers.bulk;

import java.nio.file.Path;

/**
 * A bulk run's journal cannot be used: it cannot be read whole (a torn header, bytes that are no
 * text, another tool's file), it was written for another input or under another {@link JournalKey},
 * or it cannot be written. Found when the run starts, it is thrown before anything is sent, and the
 * file is left as it was; found later (a full disk), the run sends nothing more, waits for what is in
 * flight and throws it. The message names the file and the reason, never a value of the input.
 */
public final class BulkJournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The journal. */
  private final transient Path journal;

  /**
   * @param journal the journal's file
   * @param message what is wrong, naming the file; never a value of the input
   * @param cause the I/O failure, or null
   */
  BulkJournalException(Path journal, String message, Throwable cause) {
    super(message, cause);
    this.journal = journal;
  }

  /** {@return the journal's file} */
  public Path journal() {
    return journal;
  }
}
