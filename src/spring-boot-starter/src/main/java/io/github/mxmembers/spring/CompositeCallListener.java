package io.github.mxmembers.spring;

import io.github.mxmembers.CallListener;
import java.util.List;

/** Several {@link CallListener} beans as the one a client takes, each told every event in order. */
final class CompositeCallListener implements CallListener {
  private final List<CallListener> listeners;

  CompositeCallListener(List<CallListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void callStarted(CallStarted event) {
    listeners.forEach(listener -> listener.callStarted(event));
  }

  @Override
  public void attemptStarted(AttemptStarted event) {
    listeners.forEach(listener -> listener.attemptStarted(event));
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    listeners.forEach(listener -> listener.attemptFinished(event));
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
    listeners.forEach(listener -> listener.retryScheduled(event));
  }

  @Override
  public void sessionOpened(SessionOpened event) {
    listeners.forEach(listener -> listener.sessionOpened(event));
  }

  @Override
  public void callFinished(CallFinished event) {
    listeners.forEach(listener -> listener.callFinished(event));
  }
}
