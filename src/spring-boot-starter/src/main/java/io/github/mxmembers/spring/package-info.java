/**
 * Spring Boot auto-configuration for mx-members: {@link io.github.mxmembers.spring.MxMembersAutoConfiguration}
 * and its {@code mx.members.*} properties ({@link io.github.mxmembers.spring.MxMembersProperties}).
 */
package io.github.mxmembers.spring;
