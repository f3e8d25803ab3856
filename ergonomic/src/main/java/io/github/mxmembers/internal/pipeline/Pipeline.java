package io.github.mxmembers.internal.pipeline;

import io.github.mxmembers.generated.transport.ResponseTooLargeException;
import java.io.IOException;
import java.util.List;

/**
 * A fixed chain of interceptors ending with the attempt on the wire, as OkHttp chains them: for
 * example auth, then retries, then {@link TransportInterceptor}. Immutable and thread-safe; each call
 * walks it with its own {@link Call}.
 */
public final class Pipeline {
  private final Interceptor[] interceptors;

  public Pipeline(List<Interceptor> interceptors) {
    if (interceptors.isEmpty() || !(interceptors.get(interceptors.size() - 1) instanceof TransportInterceptor)) {
      throw new IllegalArgumentException("a pipeline ends with the TransportInterceptor");
    }
    this.interceptors = interceptors.toArray(new Interceptor[0]);
  }

  /**
   * Runs the request through every step.
   *
   * @return the last response, whatever its status
   * @throws io.github.mxmembers.exception.MxTransportException when no response came back in the
   *     attempts and time the call allows
   * @throws io.github.mxmembers.exception.MxResponseException when a response body was too large
   */
  public Response execute(Call call, Outgoing request) {
    try {
      return new RealChain(call, request, 0).proceed(request);
    } catch (ResponseTooLargeException tooLarge) {
      throw Failures.tooLarge(call, request.request(), tooLarge);
    } catch (IOException failure) {
      if (call.timeLeft().toMillis() < 1) {
        throw call.deadlinePassed(request.request(), failure);
      }
      throw Failures.transport(call, request.request(), failure);
    }
  }

  private final class RealChain implements Interceptor.Chain {
    private final Call call;
    private final Outgoing request;
    private final int index;

    RealChain(Call call, Outgoing request, int index) {
      this.call = call;
      this.request = request;
      this.index = index;
    }

    @Override
    public Call call() {
      return call;
    }

    @Override
    public Outgoing request() {
      return request;
    }

    @Override
    public Response proceed(Outgoing next) throws IOException {
      return interceptors[index].intercept(new RealChain(call, next, index + 1));
    }
  }
}
