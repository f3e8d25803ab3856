package io.github.mxmembers;

import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sync and the async client behind one face, so that one scenario runs against both: {@link
 * Updater#update} calls {@code updateMember} and gives its result or the very exception the sync
 * client throws (the async future's failure, unwrapped as its Javadoc says); {@link Updater#start}
 * starts one without waiting (on a thread of its own for the sync client).
 */
enum Flavour {
  SYNC {
    @Override
    Updater platform(String url, FakeClock clock, RecordingSleeper waits, Consumer<MxClientBuilder<?>> settings) {
      MxPlatformClient.Builder builder =
          MxPlatformClient.builder().baseUrl(url).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).clock(clock).sleeper(waits);
      builder.retryPolicy(MockMx.fullJitter());
      settings.accept(builder);
      MxPlatformClient client = builder.build();
      return Updater.blocking(client::updateMember, client, client::close);
    }

    @Override
    Updater nexus(
        String url, FakeClock clock, RecordingSleeper waits, Supplier<String> tokens, Consumer<MxClientBuilder<?>> settings) {
      MxNexusClient.Builder builder =
          MxNexusClient.builder().baseUrl(url).apiTokenSource(tokens::get).clock(clock).sleeper(waits);
      builder.retryPolicy(MockMx.fullJitter());
      settings.accept(builder);
      MxNexusClient client = builder.build();
      return Updater.blocking(client::updateMember, client, client::close);
    }
  },

  ASYNC {
    @Override
    Updater platform(String url, FakeClock clock, RecordingSleeper waits, Consumer<MxClientBuilder<?>> settings) {
      MxPlatformAsyncClient.Builder builder =
          MxPlatformAsyncClient.builder().baseUrl(url).credentials(MockMx.CLIENT_ID, MockMx.API_KEY).clock(clock).scheduler(waits);
      builder.retryPolicy(MockMx.fullJitter());
      settings.accept(builder);
      MxPlatformAsyncClient client = builder.build();
      return new Updater(client::updateMember, client, client::close);
    }

    @Override
    Updater nexus(
        String url, FakeClock clock, RecordingSleeper waits, Supplier<String> tokens, Consumer<MxClientBuilder<?>> settings) {
      MxNexusAsyncClient.Builder builder =
          MxNexusAsyncClient.builder()
              .baseUrl(url)
              .apiTokenSource(() -> CompletableFuture.completedFuture(tokens.get()))
              .clock(clock)
              .scheduler(waits);
      builder.retryPolicy(MockMx.fullJitter());
      settings.accept(builder);
      MxNexusAsyncClient client = builder.build();
      return new Updater(client::updateMember, client, client::close);
    }
  };

  abstract Updater platform(String url, FakeClock clock, RecordingSleeper waits, Consumer<MxClientBuilder<?>> settings);

  abstract Updater nexus(
      String url, FakeClock clock, RecordingSleeper waits, Supplier<String> tokens, Consumer<MxClientBuilder<?>> settings);

  /** One client, sync or async. */
  static final class Updater implements AutoCloseable {
    private final Function<MemberUpdate, MemberUpdateResult> update;
    private final Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> start;
    private final Object client;
    private final Runnable close;
    private final ExecutorService threads;

    private Updater(
        Function<MemberUpdate, MemberUpdateResult> update,
        Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> start,
        Object client,
        Runnable close,
        ExecutorService threads) {
      this.update = update;
      this.start = start;
      this.client = client;
      this.close = close;
      this.threads = threads;
    }

    /** An async client: {@link #update} joins the future and throws its failure as the sync client would. */
    Updater(Function<MemberUpdate, CompletableFuture<MemberUpdateResult>> start, Object client, Runnable close) {
      this(
          u -> {
            CompletableFuture<MemberUpdateResult> result = start.apply(u);
            try {
              return result.join();
            } catch (CompletionException e) {
              throw (RuntimeException) e.getCause();
            }
          },
          start,
          client,
          close,
          null);
    }

    /** A sync client: {@link #update} on the calling thread, {@link #start} on a thread of its own. */
    static Updater blocking(Function<MemberUpdate, MemberUpdateResult> update, Object client, Runnable close) {
      ExecutorService threads = Executors.newCachedThreadPool();
      return new Updater(update, u -> CompletableFuture.supplyAsync(() -> update.apply(u), threads), client, close, threads);
    }

    /** The result, or the exception the sync client throws; bad input throws before any future exists. */
    MemberUpdateResult update(MemberUpdate update) {
      return this.update.apply(update);
    }

    CompletableFuture<MemberUpdateResult> start(MemberUpdate update) {
      return start.apply(update);
    }

    /** The client itself, for its toString(). */
    Object client() {
      return client;
    }

    @Override
    public void close() {
      close.run();
      if (threads != null) {
        threads.shutdownNow();
      }
    }
  }
}
