package io.github.mxmembers.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mxmembers.CallListener;
import io.github.mxmembers.bulk.BulkOutcome;
import io.github.mxmembers.bulk.BulkSummary;
import io.github.mxmembers.bulk.BulkUpdate;
import io.github.mxmembers.bulk.JournalKey;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mx-members bulk-update}: many updates from a file, a thin shell over {@link BulkUpdate}:
 * paced to MX's rate limits, journaled so that a rerun after a crash skips what was finished, failed
 * lines written to a rejects file, a summary at the end.
 */
@Command(
    name = "bulk-update",
    header = "Update many members from a file (JSON Lines or CSV): paced, journaled, resumable.",
    mixinStandardHelpOptions = true,
    versionProvider = MxMembersCli.Version.class,
    usageHelpWidth = 100,
    description = {
      "Update many members from a file: JSON Lines (one object per line with the fields of",
      "update-member: api, user, member, id, metadata, use_cases, background_aggregation_is_disabled,",
      "credentials [{\"guid\", \"value\"}], callback_payload, skip_aggregation, skip_webhook) or CSV with a",
      "header row and the same fields but credentials (use_cases separated by ';').",
      "Without --endpoint it runs against an embedded sandbox, as update-member does.",
      "",
      "At most --concurrency updates are in flight; sends are paced, slower when MX answers 429 or",
      "503, faster again carefully, never over --max-rate. Each finished line is recorded in the",
      "journal; a rerun with the same input and journal skips those lines and repeats only the ones",
      "that were in flight. A journal is continued only with the very input it was written for (any",
      "changed value, credentials included, is refused before anything is sent; --restart starts",
      "over). The same member on two lines: the later line is refused, not sent. Lines are at most",
      "65536 characters. Failed lines go to the rejects file, in the input's format, credential",
      "values removed (they are never written anywhere)."
    },
    footer = {
      "",
      "Examples:",
      "  mx-members bulk-update use-cases.jsonl --endpoint integration --concurrency 16 --max-rate 50",
      "  mx-members bulk-update members.csv --dry-run",
      "",
      "Exit codes: 0 every line done; 1 the journal cannot be used (not a whole journal, another",
      "input's or key's, cannot be written): nothing more was sent; 2 bad input (those lines were not",
      "sent; for a bad option, a line over the limit or an unwritable --rejects, nothing was); 3 MX API",
      "error; 4 transport failure; 5 unreadable response; 6 the run stopped on an unexpected failure",
      "(what finished is in the journal: rerun to go on)."
    })
final class BulkUpdateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "INPUT", description = "The input file: .jsonl (JSON Lines) or .csv, or another name with --format.")
  Path input;

  /** {@code jsonl} and {@code csv}, for completion. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return SendOptions.LowerCase.of(BulkInput.Format.values()).iterator();
    }
  }

  @Option(
      names = "--format",
      paramLabel = "jsonl|csv",
      completionCandidates = FormatNames.class,
      description = "The input's format (default: by the file's name, .jsonl or .csv; any case).")
  BulkInput.Format format;

  @Mixin SendOptions options;

  @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N", description = "Updates in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--max-rate", paramLabel = "R", description = "Updates sent per second at most (default: only the adaptive pacing).")
  Double maxRate;

  @Option(names = "--journal", paramLabel = "PATH", description = "The journal (default: INPUT.journal).")
  Path journal;

  @Option(
      names = "--journal-key",
      paramLabel = "PATH",
      description = "The key file the journal's fingerprints are under (default: $MX_MEMBERS_JOURNAL_KEY, or ~/" + JournalKey.DEFAULT_FILE + ", made on first use).")
  Path journalKey;

  @Option(names = "--restart", description = "Start the journal over: what it holds is discarded and every line is sent.")
  boolean restart;

  @Option(names = "--rejects", paramLabel = "PATH", description = "Where failed lines go (default: INPUT with .rejects before its extension).")
  Path rejects;

  @Option(names = "--dry-run", description = "Check every line as the SDK would and print the bad ones; send nothing.")
  boolean dryRun;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The most failures listed one by one in the report; all are in the rejects file and the journal. */
  static final int LISTED = 1000;

  private final Map<String, String> env;
  private final boolean errIsTerminal;

  BulkUpdateCommand(Map<String, String> env, boolean errIsTerminal) {
    this.env = env;
    this.errIsTerminal = errIsTerminal;
  }

  @Override
  public Integer call() {
    options.applyDebug();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      check();
      BulkInput.Format inputFormat = format != null ? format : BulkInput.formatOf(input);
      try (Endpoint endpoint = Endpoint.of(options, env)) {
        return run(inputFormat, endpoint, out, err);
      }
    } catch (RuntimeException | Error failure) {
      int code = ExitCodes.ofBulk(failure);
      JsonObject error = new JsonObject();
      error.addProperty("kind", code == ExitCodes.BAD_INPUT ? "bad_input" : code == ExitCodes.JOURNAL ? "journal" : "internal_error");
      error.addProperty("exit_code", code);
      error.addProperty("message", message(failure, code));
      if (options.json) {
        JsonObject root = new JsonObject();
        root.add("error", error);
        out.println(root);
        out.flush();
      } else {
        err.println("mx-members: " + message(failure, code));
        err.flush();
      }
      return code;
    }
  }

  /** The tool's own messages as they are; an unexpected failure by its type, with what to do. */
  private static String message(Throwable failure, int code) {
    if (code != ExitCodes.RUN_STOPPED) {
      return String.valueOf(failure.getMessage());
    }
    return "the run stopped on an unexpected failure ("
        + failure.getClass().getName()
        + "); what finished is in the journal: rerun to go on";
  }

  private void check() {
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency: expected 1 or more");
    }
    if (maxRate != null && !(maxRate >= 1)) {
      throw new IllegalArgumentException("--max-rate: expected 1 or more per second");
    }
    options.retryPolicy();
    if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
      throw new IllegalArgumentException("INPUT: the input file cannot be read");
    }
  }

  /**
   * Everything that could refuse the run, before anything is sent: the input's lines within the
   * limit, and the rejects file's directory writable (the journal is checked when it is opened).
   */
  private InputScan prepare(BulkInput.Format inputFormat, Path rejectsPath) {
    InputScan scan = InputScan.of(input, inputFormat);
    if (scan.firstTooLong > 0) {
      throw new IllegalArgumentException(
          "line " + scan.firstTooLong + " of the input is over " + BulkInput.MAX_LINE
              + " characters (a member update is about 1 KB): nothing was sent");
    }
    try {
      Path dir = rejectsPath.toAbsolutePath().getParent();
      Files.delete(Files.createTempFile(dir, "." + rejectsPath.getFileName(), ".check"));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--rejects: the rejects file " + rejectsPath + " cannot be written (" + e.getClass().getSimpleName() + "): nothing was sent");
    }
    return scan;
  }

  private int run(BulkInput.Format inputFormat, Endpoint endpoint, PrintWriter out, PrintWriter err) {
    Path journalPath = journal != null ? journal : sibling(".journal", false);
    Path rejectsPath = rejects != null ? rejects : sibling(".rejects", true);
    InputScan scan = dryRun ? null : prepare(inputFormat, rejectsPath);
    Progress progress =
        errIsTerminal && !options.json && !dryRun
            ? new Progress(err, scan.lines - (inputFormat == BulkInput.Format.CSV ? 1 : 0))
            : null;
    CallListener rateLimits =
        progress == null
            ? CallListener.NONE
            : new CallListener() {
              @Override
              public void attemptFinished(AttemptFinished event) {
                if (event.status() == 429) {
                  progress.rateLimited();
                }
              }
            };
    BulkUpdate.Builder bulk = BulkUpdate.builder().concurrency(concurrency);
    if (maxRate != null) {
      bulk.maxRate(maxRate);
    }
    String apiName = options.api.name().toLowerCase(Locale.ROOT);
    bulk.client(endpoint.asyncClient(rateLimits, Math.max(20, concurrency), dryRun));
    if (dryRun) {
      return dryRun(bulk, inputFormat, apiName, out);
    }
    BitSet failedLines = new BitSet();
    BulkReport report = new BulkReport(LISTED);
    bulk.journal(journalPath)
        .journalKey(journalKey())
        .inputDigest(scan.digest)
        .restart(restart)
        .onOutcome(
            outcome -> {
              if (outcome.kind() == BulkOutcome.Kind.FAILED
                  || outcome.kind() == BulkOutcome.Kind.INVALID
                  || outcome.failedBefore()) {
                synchronized (failedLines) {
                  failedLines.set((int) outcome.key());
                }
              }
              report.outcome(outcome);
              if (progress != null) {
                progress.outcome(outcome);
              }
            });
    BulkSummary summary;
    try (BulkInput lines = BulkInput.open(input, inputFormat, apiName)) {
      summary = bulk.build().run(lines);
    }
    if (progress != null) {
      progress.end();
    }
    boolean anyRejects = writeRejects(inputFormat, failedLines, rejectsPath);
    report.print(summary, journalPath, anyRejects ? rejectsPath : null, endpoint.sandbox() != null, options.json, out);
    return report.exitCode(summary);
  }

  private int dryRun(BulkUpdate.Builder bulk, BulkInput.Format inputFormat, String apiName, PrintWriter out) {
    long[] bad = {0};
    JsonArray listed = new JsonArray();
    bulk.onOutcome(
        outcome -> {
          bad[0]++;
          String problem = String.valueOf(outcome.failure().map(RuntimeException::getMessage).orElse(null));
          if (options.json) {
            if (listed.size() < LISTED) {
              JsonObject entry = new JsonObject();
              entry.addProperty("line", outcome.key());
              entry.addProperty("problem", problem);
              listed.add(entry);
            }
          } else {
            out.println("line " + outcome.key() + ": " + problem);
          }
        });
    long lines;
    try (BulkInput items = BulkInput.open(input, inputFormat, apiName)) {
      lines = bulk.build().dryRun(items);
    }
    if (options.json) {
      JsonObject root = new JsonObject();
      root.addProperty("dry_run", true);
      root.addProperty("lines", lines);
      root.addProperty("bad", bad[0]);
      root.add("bad_lines", listed);
      root.addProperty("exit_code", bad[0] == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT);
      out.println(root);
    } else {
      out.println("Dry run: " + lines + " lines checked, " + bad[0] + " bad; nothing was sent.");
    }
    out.flush();
    return bad[0] == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  /** The journal's key: --journal-key, else $MX_MEMBERS_JOURNAL_KEY, else the user's default. */
  private JournalKey journalKey() {
    if (journalKey != null) {
      return JournalKey.fromFile(journalKey);
    }
    String fromEnv = Endpoint.env(env, "MX_MEMBERS_JOURNAL_KEY");
    return fromEnv != null ? JournalKey.fromFile(Path.of(fromEnv)) : JournalKey.userDefault();
  }

  /** Beside the input: {@code in.jsonl} gives {@code in.jsonl.journal} and {@code in.rejects.jsonl}. */
  private Path sibling(String suffix, boolean beforeExtension) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String sibling =
        beforeExtension && dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    return input.resolveSibling(sibling);
  }

  /**
   * Writes the lines recorded as failed (in this run or an earlier one), in the input's format and
   * with credential values removed, whole or not at all (a temporary file moved into place); removes
   * a stale rejects file when none failed.
   */
  private boolean writeRejects(BulkInput.Format inputFormat, BitSet failedLines, Path rejectsPath) {
    try {
      if (failedLines.isEmpty()) {
        Files.deleteIfExists(rejectsPath);
        return false;
      }
      Path temporary = rejectsPath.resolveSibling(rejectsPath.getFileName() + ".tmp");
      Files.deleteIfExists(temporary);
      try {
        // owner-only from the start, as the journal is: a failed line may still hold a user's data
        Files.createFile(temporary, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException noPosix) {
        Files.createFile(temporary);
      }
      try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
          BufferedWriter rejected = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        long number = 0;
        for (String line; (line = in.readLine()) != null; ) {
          number++;
          boolean header = inputFormat == BulkInput.Format.CSV && number == 1;
          if (header || (number <= Integer.MAX_VALUE && failedLines.get((int) number))) {
            String kept = header ? line : BulkInput.withoutSecrets(line, inputFormat);
            if (kept != null) {
              rejected.write(kept);
              rejected.newLine();
            }
          }
        }
      }
      Files.move(temporary, rejectsPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      throw new IllegalStateException("the rejects file cannot be written (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
