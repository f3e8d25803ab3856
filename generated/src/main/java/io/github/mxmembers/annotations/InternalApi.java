package io.github.mxmembers.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type that is not part of mx-members' public API, as AWS SDK v2 marks its own with {@code
 * @SdkInternalApi}: it is public only so that the SDK's own packages can reach it. It may change or
 * go in any release, with no notice; code outside mx-members must not use it. On the module path
 * its package is not exported at all; on the class path this mark is what says so. Every type in an
 * {@code internal} package carries it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InternalApi {}
