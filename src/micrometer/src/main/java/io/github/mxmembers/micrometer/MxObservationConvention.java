package io.github.mxmembers.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and keys the observations of MX calls: replace it ({@link MxObservations.Builder#convention})
 * to rename or add keys; extend {@link DefaultMxObservationConvention} to keep its own.
 */
public interface MxObservationConvention extends ObservationConvention<MxCallContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof MxCallContext;
  }
}
