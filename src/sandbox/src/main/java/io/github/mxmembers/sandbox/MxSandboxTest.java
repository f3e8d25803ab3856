package io.github.mxmembers.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class with an {@link MxSandbox}: {@code @ExtendWith(MxSandboxExtension.class)}
 * under a shorter name. See {@link MxSandboxExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MxSandboxExtension.class)
public @interface MxSandboxTest {}
