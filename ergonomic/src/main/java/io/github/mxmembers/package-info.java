/**
 * mx-members: update MX members on the Platform and Nexus APIs and carry the update through to a
 * connected member. This package holds the clients and their builders: {@link
 * io.github.mxmembers.MxPlatformClient}, {@link io.github.mxmembers.MxNexusClient}, their async twins,
 * and {@link io.github.mxmembers.MxClient} / {@link io.github.mxmembers.MxAsyncClient}, which either
 * API's client is; with the environments, the listener and the API-token sources. The values they take
 * and give are in {@code .model}, waiting for an aggregation in {@code .waiter}, many updates at once
 * in {@code .bulk}, the errors in {@code .exception} and the retry policy in {@code .retry}. Nothing
 * under {@code .internal} is API.
 */
package io.github.mxmembers;
